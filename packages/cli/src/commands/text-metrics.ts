// The bridge from `medeval bleu` / `medeval rouge` to @medeval/metrics: which function a tokenizer and
// protocol choose, and how the result prints. The numbers all come from @medeval/metrics.
import {
  BleuStatsEngine,
  corpusBleu,
  corpusRouge,
  getTokenizer,
  loadJieba,
  needsJieba,
  nltkBleuFromStats,
  nmtBleuFromStats,
  sumBleuStats,
  type BleuStats,
  type TokenizerName,
} from '@medeval/metrics';

export const BLEU_TOKENIZERS = ['zh', 'char', 'jieba', '13a', 'intl', 'none'] as const;
export const ROUGE_TOKENIZERS = ['char', 'jieba', 'zh', '13a', 'none'] as const;
export const TEXT_PROTOCOLS = ['standard', 'cmexam-paper', 'cmexam-gpt', 'huatuo'] as const;

export type BleuTokenizer = (typeof BLEU_TOKENIZERS)[number];
export type RougeTokenizer = (typeof ROUGE_TOKENIZERS)[number];
export type TextProtocol = (typeof TEXT_PROTOCOLS)[number];

export interface BleuJson {
  score: number;
  counts: number[];
  totals: number[];
  bp: number;
  sys_len: number;
  ref_len: number;
  signature: string;
}

export interface RougeJson {
  rouge1: { p: number; r: number; f: number };
  rouge2: { p: number; r: number; f: number };
  rougeL: { p: number; r: number; f: number };
  signature: string;
}

/**
 * `jieba` on the command line means jieba words without whitespace tokens where the reference library
 * splits on whitespace (sacrebleu, nltk as the Huatuo protocol reads it, rouge-score), and `list(jieba.cut(s))`
 * with whitespace tokens kept where CMExam's scripts hand the token lists straight to tensorflow/nmt BLEU.
 */
function tokenizerName(name: BleuTokenizer | RougeTokenizer, keepWhitespaceTokens = false): TokenizerName {
  if (name === 'jieba') return keepWhitespaceTokens ? 'jieba' : 'jieba-nows';
  return name;
}

async function prepare(name: TokenizerName): Promise<void> {
  if (needsJieba(name)) await loadJieba(); // jieba-wasm is loaded only when asked for
}

// What each protocol uses for BLEU when --tokenize is not given (PROTOCOLS.md).
const BLEU_PROTOCOL_TOKENIZER: Record<TextProtocol, BleuTokenizer> = {
  standard: 'zh',
  'cmexam-paper': 'char',
  'cmexam-gpt': 'jieba',
  huatuo: 'char',
};

export async function computeBleu(
  hyps: readonly string[],
  refs: readonly (readonly string[])[],
  options: { tokenize?: BleuTokenizer | undefined; protocol?: TextProtocol | undefined; workers?: number },
): Promise<BleuJson> {
  const protocol = options.protocol ?? 'standard';
  const nmt = protocol === 'cmexam-paper' || protocol === 'cmexam-gpt';
  const tok = tokenizerName(options.tokenize ?? BLEU_PROTOCOL_TOKENIZER[protocol], nmt);
  if (protocol === 'standard' && (options.workers ?? 1) > 1) {
    const { parallelBleu } = await import('./bleu-parallel.js');
    return parallelBleu(hyps, refs, tok, options.workers!);
  }
  await prepare(tok);
  if (protocol === 'standard') {
    const result = corpusBleu(hyps, refs, { tokenize: tok });
    return {
      score: result.score,
      counts: result.counts,
      totals: result.totals,
      bp: result.bp,
      sys_len: result.sysLen,
      ref_len: result.refLen,
      signature: result.signature,
    };
  }
  // cmexam-paper / cmexam-gpt: tensorflow/nmt compute_bleu (BLEU-4, no smoothing); huatuo: nltk corpus_bleu
  // (BLEU-4, uniform weights, no smoothing). Both on corpus-summed clipped counts, times 100.
  const variant = nmt ? 'nmt' : 'nltk';
  const stats = corpusStats(hyps, refs, getTokenizer(tok), variant);
  const scored = variant === 'nmt' ? nmtBleuFromStats(stats, 4, false) : nltkBleuFromStats(stats, { weights: [0.25, 0.25, 0.25, 0.25] });
  const score = 'score' in scored ? scored.score : scored.value * 100;
  const bp = 'bp' in scored ? scored.bp : nltkBrevityPenalty(stats);
  const library = variant === 'nmt' ? 'tensorflow-nmt-compute_bleu' : 'nltk-corpus_bleu@3.8';
  return {
    score,
    counts: stats.matches,
    totals: stats.totals,
    bp,
    sys_len: stats.hypLen,
    ref_len: stats.refLen,
    signature: `medeval:${protocol}|bleu4|${library}|nrefs:${refs.length}|tok:${tok}|smooth:none|scale:100|v1`,
  };
}

function corpusStats(
  hyps: readonly string[],
  refs: readonly (readonly string[])[],
  tokenize: (text: string) => string[],
  variant: 'nmt' | 'nltk',
): BleuStats {
  const engine = new BleuStatsEngine(true);
  const items: BleuStats[] = [];
  for (let i = 0; i < hyps.length; i += 1) {
    items.push(engine.stats(tokenize(hyps[i]!), refs.map((stream) => tokenize(stream[i]!)), 4, variant));
  }
  return sumBleuStats(items, 4);
}

/** nltk's brevity penalty from the corpus lengths (closest reference length is already in refLen). */
function nltkBrevityPenalty(stats: BleuStats): number {
  if (stats.hypLen === 0) return 0;
  return stats.hypLen > stats.refLen ? 1 : Math.exp(1 - stats.refLen / stats.hypLen);
}

// What each protocol uses for ROUGE (PROTOCOLS.md): rouge-score on characters, or CMExam's nmt ROUGE.
export async function computeRouge(
  hyps: readonly string[],
  refs: readonly string[],
  options: { tokenize?: RougeTokenizer | undefined; protocol?: TextProtocol | undefined },
): Promise<RougeJson> {
  const protocol = options.protocol ?? 'standard';
  const nmt = protocol === 'cmexam-paper' || protocol === 'cmexam-gpt';
  const tok = options.tokenize ? tokenizerName(options.tokenize) : undefined;
  if (tok) await prepare(tok);
  const result = corpusRouge(hyps, refs, {
    ...(tok ? { tokenize: tok } : {}),
    variant: nmt ? 'nmt' : 'rouge-score',
    ...(protocol !== 'standard' ? { signaturePrefix: `medeval:${protocol}|` } : {}),
  });
  return { rouge1: result.rouge1, rouge2: result.rouge2, rougeL: result.rougeL, signature: result.signature };
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
