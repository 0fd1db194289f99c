// The CMExam tasks: answers (`cmexam`), explanations (`cmexam-explanation`) and both at once
// (`cmexam-joint`, the paper's template 4). Extraction follows the protocol (each one whole in protocols.ts);
// all metric arithmetic lives in @medeval/metrics.
import type { DataSource, MetaValue, MetricInput, Parsed, Task } from '@medeval/core';
import { answerMetrics, textMetrics, type ProtocolName } from '@medeval/metrics';
import { annotationLabel } from './annotations.js';
import { answerJudge, jointJudge } from './judge.js';
import { cmexamProtocol, type CmexamProtocolDefinition } from './protocols.js';
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

function defaultPrompt(protocol: CmexamProtocolDefinition, options: CmexamTaskOptions): PromptName {
  if (options.prompt) return options.prompt as PromptName;
  if (options.fewShot) return 'few-shot';
  return protocol.defaultPrompt;
}

/** The protocols that define CMExam scoring (PROTOCOLS.md); `huatuo` is a QA-generation recipe. */
export const CMEXAM_PROTOCOLS = ['standard', 'cmexam-paper', 'cmexam-gpt'] as const;

/** What every CMExam task shares: data, prompt, protocol, slices, report helpers. */
function base(kind: TaskKind, options: CmexamTaskOptions) {
  const data = options.data ?? cmexamSample;
  // The protocol, whole (protocols.ts); unknown names throw, listing the valid ones.
  const definition = cmexamProtocol(options.protocol ?? 'standard');
  const protocolName = definition.name as ProtocolName;
  const prompt = buildPrompt({
    name: defaultPrompt(definition, options),
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
    definition,
    version: TASK_VERSION,
    protocol: { name: protocolName, signature: definition.info.signature },
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
  const d = b.definition;
  return assemble<string>(b, {
    name: 'cmexam',
    parse: (output: string, sample: CmexamSample): Parsed<string> => d.parseAnswer(output, sample),
    metrics: answerMetrics({
      protocol,
      gold: (input: MetricInput) => sampleOf(input).target.answer,
      predicted: (input: MetricInput) => d.scoredAnswer(predictionText(input)),
    }),
    serializeTarget: (sample: CmexamSample) => sample.target.answer,
    ...(d.judge ? { judge: answerJudge } : {}),
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
  const d = b.definition;
  return assemble<string>(b, {
    name: 'cmexam-explanation',
    parse: (output: string): Parsed<string> => d.parseExplanation(output),
    metrics: textMetrics({
      protocol,
      names: EXPLANATION_METRICS,
      hypothesis: (input: MetricInput) => d.scoredExplanation(predictionText(input)),
      references: (input: MetricInput) => d.goldExplanation(sampleOf(input).target),
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
  const d = b.definition;
  const jointOf = (input: MetricInput) => (input.prediction ?? null) as JointPrediction | null;
  return assemble<JointPrediction>(b, {
    name: 'cmexam-joint',
    parse: (output: string, sample: CmexamSample): Parsed<JointPrediction> => {
      const a = d.parseAnswer(output, sample);
      const e = d.parseExplanation(output);
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
        predicted: (input: MetricInput) => d.scoredAnswer(jointOf(input)?.answer ?? null),
      }),
      ...textMetrics({
        protocol,
        names: EXPLANATION_METRICS,
        hypothesis: (input: MetricInput) => d.scoredExplanation(jointOf(input)?.explanation ?? null),
        references: (input: MetricInput) => d.goldExplanation(sampleOf(input).target),
      }),
    ],
    serializeTarget: (sample: CmexamSample) => ({ answer: sample.target.answer, explanation: sample.target.explanation }),
    ...(d.judge ? { judge: jointJudge<JointPrediction>() } : {}),
  });
}
