// The bridge from `medeval bleu` / `medeval rouge` to @medeval/metrics: option names, the threaded path
// for large sacrebleu inputs, and how results print. Every number comes from @medeval/metrics.
import {
  bleuTokenizerFor,
  protocolCorpusBleu,
  protocolCorpusRouge,
  type CorpusBleuJson,
  type CorpusRougeJson,
  type TextTokenizer,
} from '@medeval/metrics';
import { decodeLines, type LineFile } from './line-files.js';

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
  workers?: number;
  signal?: AbortSignal | undefined;
}

/** Corpus BLEU; sacrebleu's (the standard protocol) runs on `workers` threads when there are several. */
export async function computeBleu(
  hyp: LineFile,
  refs: readonly LineFile[],
  options: { tokenize?: BleuTokenizer | undefined; protocol?: TextProtocol | undefined } & Threads,
): Promise<BleuJson> {
  const protocol = options.protocol ?? 'standard';
  if (protocol === 'standard' && (options.workers ?? 1) > 1) {
    const { parallelBleu } = await import('./text-parallel.js');
    return parallelBleu(hyp, refs, bleuTokenizerFor(protocol, options.tokenize), options.workers!, { signal: options.signal });
  }
  return protocolCorpusBleu(linesOf(hyp), refs.map(linesOf), { protocol, ...(options.tokenize ? { tokenize: options.tokenize } : {}) });
}

/** Corpus ROUGE; rouge-score on characters (the standard protocol's default) runs on `workers` threads. */
export async function computeRouge(
  hyp: LineFile,
  ref: LineFile,
  options: { tokenize?: RougeTokenizer | undefined; protocol?: TextProtocol | undefined } & Threads,
): Promise<RougeJson> {
  const protocol = options.protocol ?? 'standard';
  if (protocol === 'standard' && (options.tokenize ?? 'char') === 'char' && (options.workers ?? 1) > 1) {
    const { parallelRouge } = await import('./text-parallel.js');
    return parallelRouge(hyp, ref, options.workers!, { signal: options.signal });
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
