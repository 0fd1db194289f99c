// CMB-Exam (FreedomIntelligence/CMB): a JSON array of questions `{ id, exam_type, exam_class, exam_subject,
// question, question_type (单项选择题 | 多项选择题), option: { A: …, … }, answer? }`. The test split ships its
// answers in a separate file (`CMB-test-choice-answer.json`: `{ id, …, answer }` per question), joined by id;
// the val split has them inline. Slices by exam type, exam class and question type. The prompt is CMB's
// answer-only prompt; answers are read with medeval's standard extractor.
import { decodeUtf8, openSource, sourceName, type DataSource, type Dataset, type LoadSummary, type Task } from '@medeval/core';
import { answerOf, McqFormatError, mcqTaskFrom, optionsOf, type McqSample } from '@medeval/datasets-mcq';

export const TASK_VERSION = '1';

export interface CmbOptions {
  /** The questions (e.g. CMB-test-choice-question-merge.json). */
  data?: DataSource;
  /** The answers, when the questions have none (the test split: CMB-test-choice-answer.json). */
  answers?: DataSource;
}

async function readJsonArray(source: DataSource): Promise<Array<Record<string, unknown>>> {
  const name = sourceName(source);
  let text = '';
  for await (const chunk of decodeUtf8(await openSource(source))) text += chunk;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new McqFormatError(name, 1, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new McqFormatError(name, 1, 'expected a JSON array');
  return value.map((item, k) => {
    if (!item || typeof item !== 'object') throw new McqFormatError(name, 1, `item ${k} is not an object`);
    return item as Record<string, unknown>;
  });
}

/**
 * @example
 * const test = loadCmb({ data: 'CMB-test-choice-question-merge.json', answers: 'CMB-test-choice-answer.json' });
 */
export function loadCmb(options: CmbOptions): Dataset<McqSample> {
  const source = options.data === undefined ? '(no file)' : sourceName(options.data);
  let summary: LoadSummary = { source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
  return {
    name: 'cmb',
    source,
    async *samples() {
      if (options.data === undefined) throw new Error('--task cmb needs --data (CMB-Exam questions JSON) and, for the test split, --answers');
      summary = { source, read: 0, loaded: 0, skipped: 0, reasons: {}, problems: [] };
      const answers = new Map<string, unknown>();
      if (options.answers !== undefined) for (const item of await readJsonArray(options.answers)) answers.set(String(item.id), item.answer);
      const items = await readJsonArray(options.data);
      for (const [k, item] of items.entries()) {
        // JSON arrays have no lines: the item number (1-based) stands in for it in messages.
        const bad = (problem: string) => new McqFormatError(source, k + 1, `question id ${String(item.id ?? '?')}: ${problem}`);
        summary.read++;
        const id = item.id !== undefined ? String(item.id) : String(k);
        const question = item.question;
        if (typeof question !== 'string' || question.trim() === '') throw bad('empty question');
        const opts = optionsOf(item, 'option');
        if (typeof opts === 'string') throw bad(opts);
        const raw = item.answer ?? answers.get(id);
        if (raw === undefined) throw bad(options.answers === undefined ? 'no answer (the test split keeps them in a separate file: pass --answers)' : 'no answer in the answers file');
        const answer = answerOf(raw, opts);
        if (answer.startsWith('!')) throw bad(answer.slice(1));
        const meta = {
          exam_type: String(item.exam_type ?? ''),
          exam_class: String(item.exam_class ?? ''),
          exam_subject: String(item.exam_subject ?? ''),
          question_type: String(item.question_type ?? (answer.length > 1 ? '多项选择题' : '单项选择题')),
        };
        summary.loaded++;
        yield {
          id,
          input: { question, options: opts, optionsText: opts.map((o) => `${o.letter}. ${o.text}`).join('\n') },
          target: { answer },
          meta,
        };
      }
    },
    summary: () => summary,
  };
}

/**
 * CMB's answer-only prompt (README, "CMB-Exam Prompt"), zero-shot.
 *
 * @example
 * cmbPrompt(sample); // '以下是中国医师考试中执业医师考试的一道单项选择题，不需要做任何分析和解释，直接输出答案选项。\n…'
 */
export function cmbPrompt(sample: McqSample): string {
  const { exam_type: type, exam_class: cls, question_type: kind } = sample.meta as Record<string, string>;
  return `以下是中国${type}中${cls}考试的一道${kind}，不需要做任何分析和解释，直接输出答案选项。\n${sample.input.question}\n${sample.input.optionsText}`;
}

/**
 * `--task cmb`: CMB-Exam with medeval's standard extraction, accuracy and F1, sliced by exam type, exam class
 * and question type.
 *
 * @example
 * await evaluate({ task: cmb({ data: 'CMB-test-choice-question-merge.json', answers: 'CMB-test-choice-answer.json' }), model });
 */
export function cmb(options: CmbOptions = {}): Task<McqSample, string> {
  return mcqTaskFrom({
    name: 'cmb',
    version: TASK_VERSION,
    dataset: loadCmb(options),
    promptId: 'cmb-answer-only@1',
    prompt: cmbPrompt,
    signature: `cmb|standard|prompt:cmb-answer-only|extract:medeval-standard@2,single-answer|v${TASK_VERSION}`,
    sliceDimensions: ['exam_type', 'exam_class', 'question_type'],
    // CMB says each question's kind: on a 单项选择题 several committed letters are no answer.
    singleAnswer: (sample) => sample.meta.question_type === '单项选择题',
  });
}
