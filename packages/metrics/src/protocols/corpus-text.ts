// Corpus BLEU and ROUGE of two lists of texts under a named protocol: what `medeval bleu` and
// `medeval rouge` print. The protocol picks the library variant and the default tokenizer (PROTOCOLS.md);
// an explicit tokenizer overrides the default.
import { BleuStatsEngine, sumBleuStats, type BleuStats } from '../bleu/stats.js';
import { corpusBleu } from '../bleu/corpus.js';
import { nmtBleuFromStats } from '../bleu/nmt.js';
import { nltkBleuFromStats } from '../bleu/nltk.js';
import { corpusRouge } from '../rouge/corpus.js';
import { getTokenizer, loadJieba, needsJieba, type TokenizerName } from '../tokenize/index.js';
import { getProtocol, protocolRougeOptions, type ProtocolName } from './registry.js';

/** The fields of sacrebleu's JSON output. */
export interface CorpusBleuJson {
  score: number;
  counts: number[];
  totals: number[];
  bp: number;
  sys_len: number;
  ref_len: number;
  signature: string;
}

export interface CorpusRougeJson {
  rouge1: { p: number; r: number; f: number };
  rouge2: { p: number; r: number; f: number };
  rougeL: { p: number; r: number; f: number };
  signature: string;
}

/** User-facing tokenizer names: `jieba` means jieba words (whitespace tokens dropped where the library splits on whitespace). */
export type TextTokenizer = 'zh' | 'char' | 'jieba' | '13a' | 'intl' | 'none';

const BLEU_DEFAULT_TOKENIZER: Record<ProtocolName, TextTokenizer> = {
  standard: 'zh',
  'cmexam-paper': 'char',
  'cmexam-gpt': 'jieba',
  huatuo: 'char',
};

/**
 * `jieba` keeps whitespace tokens only where CMExam's scripts hand `list(jieba.cut(s))` straight to
 * tensorflow/nmt BLEU; sacrebleu, nltk (as the Huatuo protocol reads it) and rouge-score split on whitespace.
 */
export function textTokenizerName(name: TextTokenizer, keepWhitespaceTokens = false): TokenizerName {
  if (name === 'jieba') return keepWhitespaceTokens ? 'jieba' : 'jieba-nows';
  return name;
}

async function ready(name: TokenizerName): Promise<void> {
  if (needsJieba(name)) await loadJieba(); // jieba-wasm loads only when asked for
}

function isNmt(protocol: ProtocolName): boolean {
  return protocol === 'cmexam-paper' || protocol === 'cmexam-gpt';
}

/**
 * The tokenizer `protocolCorpusBleu` uses for a protocol when none is given.
 *
 * @example
 * bleuTokenizerFor('standard');         // 'zh'
 * bleuTokenizerFor('standard', 'char'); // 'char'
 */
export function bleuTokenizerFor(protocol: ProtocolName, tokenize?: TextTokenizer): TokenizerName {
  return textTokenizerName(tokenize ?? BLEU_DEFAULT_TOKENIZER[protocol], isNmt(protocol));
}

/**
 * Corpus BLEU-4: sacrebleu's corpus_bleu under `standard`; tensorflow/nmt compute_bleu (no smoothing) under
 * the CMExam protocols; nltk corpus_bleu (uniform weights, no smoothing) under `huatuo`. All ×100.
 *
 * @example
 * await protocolCorpusBleu(['我爱上海'], [['我爱北京']], { protocol: 'huatuo' }); // `medeval bleu --protocol huatuo`
 */
export async function protocolCorpusBleu(
  hyps: readonly string[],
  refStreams: readonly (readonly string[])[],
  options: { protocol?: ProtocolName; tokenize?: TextTokenizer } = {},
): Promise<CorpusBleuJson> {
  const protocol = getProtocol(options.protocol ?? 'standard').name;
  const tok = bleuTokenizerFor(protocol, options.tokenize);
  await ready(tok);
  if (protocol === 'standard') {
    const r = corpusBleu(hyps, refStreams, { tokenize: tok });
    return { score: r.score, counts: r.counts, totals: r.totals, bp: r.bp, sys_len: r.sysLen, ref_len: r.refLen, signature: r.signature };
  }
  const variant = isNmt(protocol) ? 'nmt' : 'nltk';
  const stats = corpusStats(hyps, refStreams, getTokenizer(tok), variant);
  const library = variant === 'nmt' ? 'tensorflow-nmt-compute_bleu' : 'nltk-corpus_bleu@3.8';
  const signature = `medeval:${protocol}@${getProtocol(protocol).version}|bleu4|${library}|nrefs:${refStreams.length}|tok:${tok}|smooth:none|scale:100|v1`;
  if (variant === 'nmt') {
    const r = nmtBleuFromStats(stats, 4, false);
    return { score: r.score, counts: stats.matches, totals: stats.totals, bp: r.bp, sys_len: stats.hypLen, ref_len: stats.refLen, signature };
  }
  const r = nltkBleuFromStats(stats, { weights: [0.25, 0.25, 0.25, 0.25] });
  return { score: r.value * 100, counts: stats.matches, totals: stats.totals, bp: nltkBrevityPenalty(stats), sys_len: stats.hypLen, ref_len: stats.refLen, signature };
}

/**
 * ROUGE-1/2/L P/R/F averaged over pairs, ×100: rouge-score on characters under `standard` and `huatuo`;
 * CMExam's tensorflow/nmt ROUGE (set n-grams, its ROUGE-L formula) under the CMExam protocols, with the GPT
 * scripts' swapped argument order under `cmexam-gpt`.
 *
 * @example
 * await protocolCorpusRouge(['我爱上海'], ['我爱北京'], { protocol: 'cmexam-paper' }); // `medeval rouge --protocol cmexam-paper`
 */
export async function protocolCorpusRouge(
  hyps: readonly string[],
  refs: readonly string[],
  options: { protocol?: ProtocolName; tokenize?: TextTokenizer } = {},
): Promise<CorpusRougeJson> {
  const preset = protocolRougeOptions(options.protocol ?? 'standard');
  const tok = options.tokenize ? textTokenizerName(options.tokenize) : undefined;
  if (tok) await ready(tok);
  const r = corpusRouge(hyps, refs, { ...preset, ...(tok ? { tokenize: tok } : {}) });
  return { rouge1: r.rouge1, rouge2: r.rouge2, rougeL: r.rougeL, signature: r.signature };
}

function corpusStats(
  hyps: readonly string[],
  refStreams: readonly (readonly string[])[],
  tokenize: (text: string) => string[],
  variant: 'nmt' | 'nltk',
): BleuStats {
  const engine = new BleuStatsEngine(true);
  const items: BleuStats[] = [];
  for (let i = 0; i < hyps.length; i += 1) {
    items.push(engine.stats(tokenize(hyps[i]!), refStreams.map((stream) => tokenize(stream[i]!)), 4, variant));
  }
  return sumBleuStats(items, 4);
}

/** nltk's brevity penalty from the corpus lengths (refLen is already the closest reference length). */
function nltkBrevityPenalty(stats: BleuStats): number {
  if (stats.hypLen === 0) return 0;
  return stats.hypLen > stats.refLen ? 1 : Math.exp(1 - stats.refLen / stats.hypLen);
}
