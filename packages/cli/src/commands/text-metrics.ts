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

export const BLEU_TOKENIZERS = ['zh', 'char', 'jieba', '13a', 'intl', 'none'] as const satisfies readonly TextTokenizer[];
export const ROUGE_TOKENIZERS = ['char', 'jieba', 'zh', '13a', 'none'] as const satisfies readonly TextTokenizer[];
export const TEXT_PROTOCOLS = ['standard', 'cmexam-paper', 'cmexam-gpt', 'huatuo'] as const;

export type BleuTokenizer = (typeof BLEU_TOKENIZERS)[number];
export type RougeTokenizer = (typeof ROUGE_TOKENIZERS)[number];
export type TextProtocol = (typeof TEXT_PROTOCOLS)[number];
export type BleuJson = CorpusBleuJson;
export type RougeJson = CorpusRougeJson;

export async function computeBleu(
  hyps: readonly string[],
  refs: readonly (readonly string[])[],
  options: { tokenize?: BleuTokenizer | undefined; protocol?: TextProtocol | undefined; workers?: number; signal?: AbortSignal | undefined },
): Promise<BleuJson> {
  const protocol = options.protocol ?? 'standard';
  if (protocol === 'standard' && (options.workers ?? 1) > 1) {
    const { parallelBleu } = await import('./bleu-parallel.js');
    return parallelBleu(hyps, refs, bleuTokenizerFor(protocol, options.tokenize), options.workers!, { signal: options.signal });
  }
  return protocolCorpusBleu(hyps, refs, { protocol, ...(options.tokenize ? { tokenize: options.tokenize } : {}) });
}

export function computeRouge(
  hyps: readonly string[],
  refs: readonly string[],
  options: { tokenize?: RougeTokenizer | undefined; protocol?: TextProtocol | undefined },
): Promise<RougeJson> {
  return protocolCorpusRouge(hyps, refs, {
    protocol: options.protocol ?? 'standard',
    ...(options.tokenize ? { tokenize: options.tokenize } : {}),
  });
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
