// The CMExam tasks: answers (`cmexam`), explanations (`cmexam-explanation`) and both at once
// (`cmexam-joint`, the paper's template 4). Extraction follows the protocol (see extract/protocol-parse.ts);
// all metric arithmetic lives in @medeval/metrics.
import type { DataSource, MetaValue, MetricInput, Parsed, Task } from '@medeval/core';
import { answerMetrics, getProtocol, textMetrics, type ProtocolName } from '@medeval/metrics';
import { annotationLabel } from './annotations.js';
import { answerJudge, jointJudge } from './judge.js';
import { PANDAS_NA_VALUES } from './extract/pandas-csv.js';
import { parseAnswer, parseExplanation, scoredAnswer, scoredExplanation } from './extract/protocol-parse.js';
import { rotations } from './rotate.js';
import { loadCmexam, type CmexamDataset } from './load/dataset.js';
import { sniffAnnotationColumns } from './load/sniff.js';
import { buildPrompt, type FewShotOptions, type KnowledgeSeeds, type PromptName, type TaskKind } from './prompts/index.js';
import { cmexamSample } from './sample/index.js';
import type { CmexamSample } from './schema.js';

export const TASK_VERSION = '1';

export interface CmexamTaskOptions {
  /** A file path or in-memory source; default the bundled sample. */
  data?: DataSource;
  /** `standard` (default), `cmexam-paper` or `cmexam-gpt`. */
  protocol?: ProtocolName | string;
  /** Prompt name (default: `paper` under cmexam-paper, `gpt-script` under cmexam-gpt, else `zero-shot`). */
  prompt?: PromptName | string;
  /** Only the first N samples. */
  limit?: number;
  /** Skip (and report) rows that cannot be parsed instead of stopping with an error (default false). */
  skipBadRows?: boolean;
  /** Few-shot examples from the train split (implies the `few-shot` prompt unless one is named). */
  fewShot?: FewShotOptions;
  /** ICP knowledge seeds placed before the question. */
  knowledgeSeeds?: KnowledgeSeeds;
}

export interface CmexamTask<P = unknown> extends Task<CmexamSample, P> {
  dataset: CmexamDataset;
  /** The data this task reads (baselines retrieve from it leave-one-out). */
  data: DataSource;
}

export interface JointPrediction {
  answer: string | null;
  explanation: string | null;
}

const EXPLANATION_METRICS = ['bleu1', 'bleu4', 'rouge1', 'rouge2', 'rougeL'];

function defaultPrompt(protocol: string, options: CmexamTaskOptions): PromptName {
  if (options.prompt) return options.prompt as PromptName;
  if (options.fewShot) return 'few-shot';
  if (protocol === 'cmexam-paper') return 'paper';
  if (protocol === 'cmexam-gpt') return 'gpt-script';
  return 'zero-shot';
}

/** The protocols that define CMExam scoring (PROTOCOLS.md); `huatuo` is a QA-generation recipe. */
export const CMEXAM_PROTOCOLS = ['standard', 'cmexam-paper', 'cmexam-gpt'] as const;

/** What every CMExam task shares: data, prompt, protocol, slices, report helpers. */
function base(kind: TaskKind, options: CmexamTaskOptions) {
  const data = options.data ?? cmexamSample;
  const protocolName = (options.protocol ?? 'standard') as ProtocolName;
  const protocol = getProtocol(protocolName); // unknown names throw, listing the valid ones
  if (!(CMEXAM_PROTOCOLS as readonly string[]).includes(protocolName)) {
    throw new Error(`protocol "${protocolName}" is not a CMExam recipe; the CMExam tasks take: ${CMEXAM_PROTOCOLS.join(', ')}`);
  }
  const prompt = buildPrompt({
    name: defaultPrompt(protocolName, options),
    kind,
    ...(options.fewShot ? { fewShot: options.fewShot } : {}),
    ...(options.knowledgeSeeds ? { knowledgeSeeds: options.knowledgeSeeds } : {}),
  });
  const dataset = loadCmexam(data, {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.skipBadRows ? { skipBadRows: true } : {}),
  });
  const sniffed = sniffAnnotationColumns(data);
  return {
    data,
    dataset,
    protocolName,
    version: TASK_VERSION,
    protocol: { name: protocolName, signature: protocol.signature },
    promptId: prompt.id,
    render: (sample: CmexamSample) => prompt.render(sample),
    // The five annotations, when the file has them (the header once read; before that, a sniff).
    dimensions: (): string[] => [...(dataset.annotationColumns() ?? sniffed)],
    sliceLabel: (dimension: string, value: MetaValue) => annotationLabel(dimension, value),
    describeInput: (sample: CmexamSample) => `${sample.input.question}\n${sample.input.optionsText}`,
  };
}

const sampleOf = (input: MetricInput) => input.sample as CmexamSample;
const predictionText = (input: MetricInput) => (typeof input.prediction === 'string' ? input.prediction : null);

type Base = ReturnType<typeof base>;

/** Puts a task together; `sliceDimensions` stays a getter so it reflects the header once read. */
function assemble<P>(
  b: Base,
  own: Pick<CmexamTask<P>, 'name' | 'parse' | 'metrics' | 'serializeTarget' | 'judge' | 'rotations'>,
): CmexamTask<P> {
  return {
    name: own.name,
    version: b.version,
    dataset: b.dataset,
    data: b.data,
    protocol: b.protocol,
    promptId: b.promptId,
    render: b.render,
    parse: own.parse,
    metrics: own.metrics,
    get sliceDimensions(): string[] {
      return b.dimensions();
    },
    sliceLabel: b.sliceLabel,
    describeInput: b.describeInput,
    ...(own.serializeTarget ? { serializeTarget: own.serializeTarget } : {}),
    ...(own.judge ? { judge: own.judge } : {}),
    ...(own.rotations ? { rotations: own.rotations } : {}),
  };
}

// The judge fallback is a `standard` feature; the paper protocols read answers with their own rules only.
const judgeAllowed = (protocol: string) => protocol === 'standard';

/**
 * `cmexam`: the answer letters; accuracy, weighted and macro F1, sliced by the five annotations.
 *
 * @example
 * const task = cmexam.answer({ data: 'val.csv', protocol: 'standard' });
 * await evaluate({ task, model });
 */
export function answer(options: CmexamTaskOptions = {}): CmexamTask<string> {
  const b = base('answer', options);
  const protocol = b.protocolName;
  return assemble<string>(b, {
    name: 'cmexam',
    parse: (output: string, sample: CmexamSample): Parsed<string> => parseAnswer(protocol, output, sample),
    metrics: answerMetrics({
      protocol,
      gold: (input: MetricInput) => sampleOf(input).target.answer,
      predicted: (input: MetricInput) => scoredAnswer(protocol, predictionText(input)),
    }),
    serializeTarget: (sample: CmexamSample) => sample.target.answer,
    ...(judgeAllowed(protocol) ? { judge: answerJudge } : {}),
    rotations,
  });
}

/**
 * `cmexam-explanation`: BLEU-1/4 and ROUGE-1/2/L; rows without a gold explanation are not scored.
 *
 * @example
 * const task = cmexam.explanation({ data: 'val.csv', protocol: 'cmexam-paper' }); // BLEU-1/4, ROUGE-1/2/L as the paper
 */
export function explanation(options: CmexamTaskOptions = {}): CmexamTask<string> {
  const b = base('explanation', options);
  const protocol = b.protocolName;
  return assemble<string>(b, {
    name: 'cmexam-explanation',
    parse: (output: string): Parsed<string> => parseExplanation(protocol, output),
    metrics: textMetrics({
      protocol,
      names: EXPLANATION_METRICS,
      hypothesis: (input: MetricInput) => scoredExplanation(protocol, predictionText(input)),
      references: (input: MetricInput) => goldExplanation(input, protocol),
    }),
    serializeTarget: (sample: CmexamSample) => ({ answer: sample.target.answer, explanation: sample.target.explanation }),
  });
}

/**
 * `cmexam-joint`: answer and explanation from one output (template 4 under cmexam-paper).
 *
 * @example
 * const task = cmexam.joint({ data: 'val.csv' }); // answer and explanation from one output
 */
export function joint(options: CmexamTaskOptions = {}): CmexamTask<JointPrediction> {
  const b = base('joint', options);
  const protocol = b.protocolName;
  const jointOf = (input: MetricInput) => (input.prediction ?? null) as JointPrediction | null;
  return assemble<JointPrediction>(b, {
    name: 'cmexam-joint',
    parse: (output: string, sample: CmexamSample): Parsed<JointPrediction> => {
      const a = parseAnswer(protocol, output, sample);
      const e = parseExplanation(protocol, output);
      // The answer's audit trail and stripped reasoning are the record's.
      return {
        prediction: { answer: a.prediction, explanation: e.prediction },
        status: a.status,
        ...(a.extraction ? { extraction: a.extraction } : {}),
        ...(a.reasoning !== undefined ? { reasoning: a.reasoning } : {}),
      };
    },
    metrics: [
      ...answerMetrics({
        protocol,
        gold: (input: MetricInput) => sampleOf(input).target.answer,
        predicted: (input: MetricInput) => scoredAnswer(protocol, jointOf(input)?.answer ?? null),
      }),
      ...textMetrics({
        protocol,
        names: EXPLANATION_METRICS,
        hypothesis: (input: MetricInput) => scoredExplanation(protocol, jointOf(input)?.explanation ?? null),
        references: (input: MetricInput) => goldExplanation(input, protocol),
      }),
    ],
    serializeTarget: (sample: CmexamSample) => ({ answer: sample.target.answer, explanation: sample.target.explanation }),
    ...(judgeAllowed(protocol) ? { judge: jointJudge<JointPrediction>() } : {}),
  });
}

/**
 * The gold explanation as a one-reference list, or null (item dropped) when the file has none. Under
 * `cmexam-paper` the cell is read as the paper's script reads it with pandas: untrimmed, and a cell pandas
 * reads as NaN (`''`, `NA`, `null`…) is dropped by its `dropna`.
 */
function goldExplanation(input: MetricInput, protocol: string): string[] | null {
  const target = sampleOf(input).target;
  if (protocol === 'cmexam-paper') {
    const cell = target.explanationAsRead ?? target.explanation;
    return PANDAS_NA_VALUES.has(cell) ? null : [cell];
  }
  return target.explanation.trim() === '' ? null : [target.explanation];
}
