// The bridge from `medeval bleu` / `medeval rouge` to @medeval/metrics: option names, the threaded path
// for large sacrebleu inputs, and how results print. Every number comes from @medeval/metrics, through its
// `corpus` entry (no zod, no @medeval/core: ~100 ms less to start, here and in each worker thread).
import {
  bleuTokenizerFor,
  protocolCorpusBleu,
  protocolCorpusRouge,
  type CorpusBleuJson,
  type CorpusRougeJson,
  type TextTokenizer,
} from '@medeval/metrics/corpus';
import { decodeLines, type LineFile } from './line-files.js';
import type { TextThreads } from './text-parallel.js';

const linesOf = (file: LineFile) => decodeLines(file.bytes, file.starts, 0, file.count);

export const BLEU_TOKENIZERS = ['zh', 'char', 'jieba', '13a', 'intl', 'none'] as const satisfies readonly TextTokenizer[];
export const ROUGE_TOKENIZERS = ['char', 'jieba', 'zh', '13a', 'none'] as const satisfies readonly TextTokenizer[];
export const TEXT_PROTOCOLS = ['standard', 'cmexam-paper', 'cmexam-gpt', 'huatuo'] as const;

export type BleuTokenizer = (typeof BLEU_TOKENIZERS)[number];
export type RougeTokenizer = (typeof ROUGE_TOKENIZERS)[number];
export type TextProtocol = (typeof TEXT_PROTOCOLS)[number];
export type BleuJson = CorpusBleuJson;
export type RougeJson = CorpusRougeJson;

interface Threads {
  /** Threads started for this command (`startTextThreads`); this thread alone when absent. */
  threads?: TextThreads | undefined;
  signal?: AbortSignal | undefined;
}

/** Whether `medeval bleu` takes the chunked, threadable sacrebleu path (the standard protocol, any tokenizer). */
export const bleuIsThreaded = (protocol: TextProtocol | undefined) => (protocol ?? 'standard') === 'standard';
/** Whether `medeval rouge` takes the chunked, threadable path (rouge-score on characters, the standard default). */
export const rougeIsThreaded = (protocol: TextProtocol | undefined, tokenize: RougeTokenizer | undefined) =>
  (protocol ?? 'standard') === 'standard' && (tokenize ?? 'char') === 'char';

/** Corpus BLEU; sacrebleu's (the standard protocol) is scored in chunks, on the command's threads. */
export async function computeBleu(
  hyp: LineFile,
  refs: readonly LineFile[],
  options: { tokenize?: BleuTokenizer | undefined; protocol?: TextProtocol | undefined } & Threads,
): Promise<BleuJson> {
  const protocol = options.protocol ?? 'standard';
  if (bleuIsThreaded(protocol)) {
    const { parallelBleu, ONE_THREAD } = await import('./text-parallel.js');
    return parallelBleu(hyp, refs, bleuTokenizerFor(protocol, options.tokenize), options.threads ?? ONE_THREAD, { signal: options.signal });
  }
  return protocolCorpusBleu(linesOf(hyp), refs.map(linesOf), { protocol, ...(options.tokenize ? { tokenize: options.tokenize } : {}) });
}

/** Corpus ROUGE; rouge-score on characters (the standard protocol's default) is scored in chunks, on the command's threads. */
export async function computeRouge(
  hyp: LineFile,
  ref: LineFile,
  options: { tokenize?: RougeTokenizer | undefined; protocol?: TextProtocol | undefined } & Threads,
): Promise<RougeJson> {
  const protocol = options.protocol ?? 'standard';
  if (rougeIsThreaded(protocol, options.tokenize)) {
    const { parallelRouge, ONE_THREAD } = await import('./text-parallel.js');
    return parallelRouge(hyp, ref, options.threads ?? ONE_THREAD, { signal: options.signal });
  }
  return protocolCorpusRouge(linesOf(hyp), linesOf(ref), { protocol, ...(options.tokenize ? { tokenize: options.tokenize } : {}) });
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));

/** sacrebleu's text line, then the signature. */
export function formatBleu(result: BleuJson): string {
  const precisions = result.counts.map((count, i) => (result.totals[i] ? fixed((100 * count) / result.totals[i]!, 1) : '0.0')).join('/');
  const ratio = result.ref_len ? fixed(result.sys_len / result.ref_len, 3) : '0.000';
  return (
    `BLEU = ${fixed(result.score, 2)} ${precisions} (BP = ${fixed(result.bp, 3)} ratio = ${ratio} ` +
    `hyp_len = ${result.sys_len} ref_len = ${result.ref_len})\n` +
    `signature: ${result.signature}\n`
  );
}

export function formatRouge(result: RougeJson): string {
  const row = (label: string, v: { p: number; r: number; f: number }) =>
    `${label.padEnd(8)} P = ${fixed(v.p, 2).padStart(6)}  R = ${fixed(v.r, 2).padStart(6)}  F = ${fixed(v.f, 2).padStart(6)}\n`;
  return `${row('ROUGE-1', result.rouge1)}${row('ROUGE-2', result.rouge2)}${row('ROUGE-L', result.rougeL)}signature: ${result.signature}\n`;
}
