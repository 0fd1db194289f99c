// CMB-Clin: 74 clinical cases, each `{ id, title, description, QA_pairs: [{ question, solution }] }`. Every
// question of a case is one sample, asked as the case's conversation so far: the case description, the earlier
// questions with their reference solutions as the assistant's turns (a fixed history, so every model answers
// the same prompt), then the question. Scored with ROUGE-1/2/L and BLEU-4 (standard protocol) against the
// solution, and — with `--judge` — by the medical judge (fluency, relevance, completeness, proficiency 1–5),
// as CMB scores CMB-Clin. Slices by case title.
import { decodeUtf8, openSource, sourceName, splitReasoning, type ChatMessage, type DataSource, type Dataset, type LoadSummary, type Parsed, type Sample, type Task } from '@medeval/core';
import { McqFormatError } from '@medeval/datasets-mcq';
import { clinicalJudgeMetrics, textMetrics } from '@medeval/metrics';
import type { Metric, MetricInput, Model } from '@medeval/core';

export const CLIN_TASK_VERSION = '1';

export interface ClinTurn {
  question: string;
  solution: string;
}

export type CmbClinSample = Sample<{ description: string; history: ClinTurn[]; question: string }, { solution: string }> & { meta: { case: string } };

/**
 * @example
 * for await (const s of loadCmbClin('CMB-Clin-qa.json').samples()) console.log(s.id, s.input.question);
 */
export function loadCmbClin(data: DataSource): Dataset<CmbClinSample> {
  const source = sourceName(data);
  let summary: LoadSummary = { source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
  return {
    name: 'cmb-clin',
    source,
    async *samples() {
      summary = { source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
      let text = '';
      for await (const chunk of decodeUtf8(await openSource(data))) text += chunk;
      let cases: unknown;
      try {
        cases = JSON.parse(text);
      } catch (error) {
        throw new McqFormatError(source, 1, `not valid JSON (${(error as Error).message})`);
      }
      if (!Array.isArray(cases)) throw new McqFormatError(source, 1, 'expected a JSON array of cases');
      for (const [k, item] of cases.entries()) {
        const c = item as { id?: unknown; title?: unknown; description?: unknown; QA_pairs?: unknown };
        const bad = (problem: string) => new McqFormatError(source, k + 1, `case ${String(c?.id ?? k)}: ${problem}`);
        if (typeof c?.description !== 'string' || c.description.trim() === '') throw bad('empty description');
        if (!Array.isArray(c.QA_pairs) || c.QA_pairs.length === 0) throw bad('no QA_pairs');
        const turns = c.QA_pairs.map((p: { question?: unknown; solution?: unknown }, q: number) => {
          if (typeof p?.question !== 'string' || typeof p?.solution !== 'string') throw bad(`QA_pairs[${q}] needs question and solution`);
          return { question: p.question, solution: p.solution };
        });
        const caseId = String(c.id ?? k);
        const title = typeof c.title === 'string' ? c.title : caseId;
        for (const [q, turn] of turns.entries()) {
          summary.read++;
          summary.loaded++;
          yield {
            id: `${caseId}/${q}`,
            input: { description: c.description, history: turns.slice(0, q), question: turn.question },
            target: { solution: turn.solution },
            meta: { case: title },
          };
        }
      }
    },
    summary: () => summary,
  };
}

/**
 * CMB's CMB-Clin prompt: "以下是一位病人的病例：" + description + the first question; later questions follow the conversation.
 *
 * @example
 * cmbClinMessages(sample); // the case and the earlier turns as chat messages, the last question last
 */
export function cmbClinMessages(sample: CmbClinSample): ChatMessage[] {
  const [first, ...rest] = [...sample.input.history.map((t) => t.question), sample.input.question];
  const messages: ChatMessage[] = [{ role: 'user', content: `以下是一位病人的病例：\n${sample.input.description}\n${first}` }];
  sample.input.history.forEach((turn, i) => {
    messages.push({ role: 'assistant', content: turn.solution });
    messages.push({ role: 'user', content: rest[i]! });
  });
  return messages;
}

/**
 * The judge's metrics for CMB-Clin answers: the case and question as the question, the solution as reference.
 *
 * @example
 * const metrics = cmbClinJudgeMetrics(modelFromSpec('openai:gpt-4o'));
 * await evaluate({ task: cmbClin({ data: 'CMB-Clin-qa.json' }), model, metrics });
 */
export function cmbClinJudgeMetrics(model: Model): Metric<number, MetricInput<CmbClinSample>>[] {
  return clinicalJudgeMetrics<MetricInput<CmbClinSample>>({
    model,
    question: ({ sample }) => `病例：${sample.input.description}\n问题：${sample.input.question}`,
    reference: ({ sample }) => sample.target.solution,
    answer: ({ prediction }) => (typeof prediction === 'string' ? prediction : null),
  });
}

/**
 * `--task cmb-clin`.
 *
 * @example
 * await evaluate({ task: cmbClin({ data: 'CMB-Clin-qa.json' }), model, metrics: cmbClinJudgeMetrics(judge) });
 */
export function cmbClin(options: { data?: DataSource } = {}): Task<CmbClinSample, string> {
  const data = options.data;
  const dataset = loadCmbClin(data ?? '(no file)');
  return {
    name: 'cmb-clin',
    version: CLIN_TASK_VERSION,
    dataset: {
      ...dataset,
      async *samples(o) {
        if (data === undefined) throw new Error('--task cmb-clin needs --data (CMB-Clin-qa.json)');
        yield* dataset.samples(o);
      },
    },
    protocol: { name: 'standard', signature: `cmb-clin|standard|history:reference-solutions|v${CLIN_TASK_VERSION}` },
    promptId: 'cmb-clin@1',
    render: (sample) => ({ messages: cmbClinMessages(sample), temperature: 0, maxTokens: 1024 }),
    parse(output): Parsed<string> {
      const split = splitReasoning(output);
      const reasoning = split.reasoning !== undefined ? { reasoning: split.reasoning } : {};
      if (split.truncated) return { prediction: null, status: 'truncated', ...reasoning };
      if (split.text.trim() === '') return { prediction: null, status: 'empty', ...reasoning };
      return { prediction: split.text, status: 'ok', ...reasoning };
    },
    metrics: textMetrics({
      protocol: 'standard',
      names: ['bleu4', 'rouge1', 'rouge2', 'rougeL'],
      hypothesis: (input) => (typeof input.prediction === 'string' ? input.prediction : ''),
      references: (input) => [(input.sample as CmbClinSample).target.solution],
    }),
    sliceDimensions: ['case'],
    describeInput: (sample) => sample.input.question,
    serializeTarget: (sample) => sample.target.solution,
  };
}
