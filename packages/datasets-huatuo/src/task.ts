// huatuo.qa(): the Huatuo-26M answer-generation task. The model answers a patient's question; the
// answer is scored against the reference answer(s) under a named protocol (`huatuo` reproduces the
// paper's table: BLEU-1..4, GLEU, ROUGE-1/2/L, Distinct-1/2 on characters; `standard` adds the
// sacrebleu / rouge-score variants). All metric arithmetic lives in @medeval/metrics.
import { splitReasoning, type DataSource, type MetricInput, type Parsed, type Task } from '@medeval/core';
import { getProtocol, textMetrics, type ProtocolName } from '@medeval/metrics';
import { loadHuatuo, type HuatuoDataset } from './load/dataset.js';
import { resolvePrompt, type HuatuoPrompt } from './prompts.js';
import { sniffFormat } from './load/sniff.js';
import { huatuoSample } from './sample/test-sample.js';
import type { HuatuoFormat, HuatuoSample } from './schema.js';

export interface QaOptions {
  /** A file path or in-memory source; default the bundled 55-pair sample. */
  data?: DataSource;
  /** `huatuo` (default, the paper's table) or `standard`. */
  protocol?: ProtocolName | string;
  /** Only the first N samples. */
  limit?: number;
  /** A prompt id (`huatuo-qa@1`, `huatuo-plain@1`) or your own prompt object. */
  prompt?: string | HuatuoPrompt;
  /** `all` (default): every answer of a list-format line is a reference; `first`: only the first. */
  references?: 'all' | 'first';
  /** Line format; `auto` (default) detects it from the first record. */
  format?: HuatuoFormat | 'auto';
  /** Remove a leading `答：` / `回答：` / `答案：` label from outputs before scoring (default true). */
  stripAnswerLabel?: boolean;
  /**
   * Remove reasoning blocks (`<think>…</think>` and the like) before scoring and keep them as the record's
   * `reasoning` (default true); an unclosed block is status `truncated`, scored as an empty answer.
   */
  stripReasoning?: boolean;
  /** Slice dimensions to use instead of the automatic ones (`department` for Lite data). */
  sliceDimensions?: string[];
  /** Accepted for a uniform CLI call; the task itself is deterministic. */
  seed?: number;
}

export interface HuatuoTask extends Task<HuatuoSample, string> {
  dataset: HuatuoDataset;
  /** The data this task reads, so offline baselines can retrieve from it (leave-one-out). */
  data: DataSource;
}

// 2: reasoning blocks are removed before scoring (stripReasoning).
export const TASK_VERSION = '2';

/** The protocols that define Huatuo answer scoring (PROTOCOLS.md). */
export const HUATUO_PROTOCOLS = ['huatuo', 'standard'] as const;

// Only at the very start (after whitespace): a label the prompt asked the model not to write.
const ANSWER_LABEL = /^\s*(?:回答|答案|答)\s*[：:]\s*/u;

/**
 * The Huatuo-26M question-answering task: free-text answers scored with the paper's BLEU, GLEU, ROUGE and
 * Distinct (protocol `huatuo`) or medeval's `standard`.
 *
 * @example
 * await evaluate({ task: huatuo.qa({ data: 'test_datasets.jsonl' }), model });
 */
export function qa(options: QaOptions = {}): HuatuoTask {
  const data = options.data ?? huatuoSample;
  const protocolName = (options.protocol ?? 'huatuo') as ProtocolName;
  const protocol = getProtocol(protocolName); // unknown names throw, listing the valid ones
  if (!(HUATUO_PROTOCOLS as readonly string[]).includes(protocolName)) {
    throw new Error(`protocol "${protocolName}" is a CMExam recipe; the huatuo task takes: ${HUATUO_PROTOCOLS.join(', ')}`);
  }
  const prompt = resolvePrompt(options.prompt);
  const references = options.references ?? 'all';
  const stripLabel = options.stripAnswerLabel ?? true;
  const stripThink = options.stripReasoning ?? true;
  const format = options.format ?? 'auto';
  // Fixed before the first line is read (the run's aggregator is built first): see load/sniff.ts.
  const expected = format === 'auto' ? sniffFormat(data) : format;
  const dataset = loadHuatuo(data, {
    name: 'huatuo',
    format,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
  const referencesOf = (sample: HuatuoSample): string[] =>
    references === 'first' ? sample.target.answers.slice(0, 1) : sample.target.answers;

  const metrics = textMetrics({
    protocol: protocolName,
    hypothesis: (input: MetricInput) => (typeof input.prediction === 'string' ? input.prediction : ''),
    references: (input: MetricInput) => referencesOf(input.sample as HuatuoSample),
  });

  return {
    name: 'huatuo',
    version: TASK_VERSION,
    dataset,
    data,
    protocol: { name: protocolName, signature: protocol.signature },
    promptId: prompt.id,
    render: (sample) => prompt.render(sample),
    parse: (output) => parseAnswer(output, stripLabel, stripThink),
    metrics,
    // Lite lines carry the hospital department; the other formats have no dimension to slice by.
    get sliceDimensions(): string[] {
      if (options.sliceDimensions) return options.sliceDimensions;
      const known = dataset.format() ?? expected;
      return known === 'lite' ? ['department'] : [];
    },
    describeInput: (sample) => sample.input.question,
    serializeTarget: (sample) => {
      const refs = referencesOf(sample);
      return refs.length === 1 ? refs[0] : refs;
    },
  };
}

/**
 * `empty` when the output is empty or whitespace only (after removing reasoning blocks and a leading answer
 * label); `truncated` when a reasoning block never closes (the answer was cut off); otherwise `ok` with the
 * output itself as the prediction. The text is not trimmed or normalised (each protocol's tokenizer decides
 * what whitespace means; the `huatuo` one drops all of it), except the whitespace left where a reasoning
 * block was removed from its start.
 *
 * @example
 * parseAnswer('<think>患者问饮食</think>\n\n低盐饮食。') // → { prediction: '低盐饮食。', status: 'ok', reasoning: '患者问饮食' }
 */
export function parseAnswer(output: string, stripLabel = true, stripReasoning = true): Parsed<string> {
  let text = output;
  let reasoning: string | undefined;
  if (stripReasoning) {
    const split = splitReasoning(output);
    if (split.reasoning !== undefined) {
      reasoning = split.reasoning;
      text = split.text.replace(/^\s+/u, '');
    }
    if (split.truncated) return { prediction: null, status: 'truncated', ...(reasoning ? { reasoning } : {}) };
  }
  if (stripLabel) text = text.replace(ANSWER_LABEL, '');
  const kept = reasoning ? { reasoning } : {};
  if (text.trim() === '') return { prediction: null, status: 'empty', ...kept };
  return { prediction: text, status: 'ok', ...kept };
}
