// The named protocols: complete, versioned recipes whose signature is stored with every number.
// What each reproduces and why the numbers differ between papers: docs/protocols.md.

export type ProtocolName = 'cmexam-paper' | 'cmexam-gpt' | 'huatuo' | 'standard';

export interface ProtocolInfo {
  name: ProtocolName;
  version: string;
  /** `medeval:<name>@<version>|…`: the recipe in one line; metric signatures start with `medeval:<name>@<version>|`. */
  signature: string;
  description: string;
  /** What published numbers this reproduces. */
  reproduces: string;
  /** How rows without a parsed answer count: 'wrong' (kept, e.g. as 无答案) or 'dropped' (left out of every denominator). */
  unparsed: 'wrong' | 'dropped';
  /** Metric names `textMetrics` returns, in display order. */
  textMetricNames: readonly string[];
  /** Metric names `answerMetrics` returns. */
  answerMetricNames: readonly string[];
}

const ANSWER = ['accuracy', 'f1_weighted', 'f1_macro'] as const;

export const PROTOCOLS: Readonly<Record<ProtocolName, ProtocolInfo>> = Object.freeze({
  'cmexam-paper': {
    name: 'cmexam-paper',
    version: '1',
    signature:
      'medeval:cmexam-paper@1|answers:lora-parse_options,unparsed=无答案(wrong)|accuracy:exact-string|f1:sklearn-1.2.1-weighted,zero_division=warn(->0)|bleu:tensorflow-nmt-compute_bleu,tok:char|rouge:tensorflow-nmt-rouge,tok:codepoints|scale:100',
    description:
      "CMExam's LoRA evaluation script (evaluate_lora_result.py): lenient option parser, 无答案 counted wrong over all rows; explanation BLEU-1/4 = tensorflow/nmt compute_bleu on characters (corpus level, no smoothing); ROUGE-1/2/L = tensorflow/nmt rouge on ' '.join(list(s)) (set n-grams, F=2PR/(P+R+1e-8), its beta ROUGE-L), per pair then np.mean, ×100.",
    reproduces: 'CMExam paper Table 3 (accuracy, weighted F1, explanation BLEU-1/4 and ROUGE-1/2/L)',
    unparsed: 'wrong',
    textMetricNames: ['bleu1', 'bleu4', 'rouge1', 'rouge2', 'rougeL'],
    answerMetricNames: ANSWER,
  },
  'cmexam-gpt': {
    name: 'cmexam-gpt',
    version: '1',
    signature:
      'medeval:cmexam-gpt@1|answers:regex-答案：(.*)，,unparsed=dropped|accuracy:exact-string|f1:sklearn-1.2.1-weighted,zero_division=warn(->0)|bleu:tensorflow-nmt-compute_bleu,tok:jieba|rouge:tensorflow-nmt-rouge,tok:codepoints,swapped|scale:100',
    description:
      "CMExam's GPT/ChatGLM scripts: answers by the regex 答案：(.*)， (full-width, greedy), unparsed rows dropped from every denominator; explanation BLEU-1/4 on jieba words (list(jieba.cut(s)), whitespace tokens kept); ROUGE as cmexam-paper but with hypothesis and reference exchanged, as the scripts call it.",
    reproduces: 'CMExam GPT-3.5/GPT-4/ChatGLM rows (evaluate_gpt_result.py, evaluate_chatglm_result.py)',
    unparsed: 'dropped',
    textMetricNames: ['bleu1', 'bleu4', 'rouge1', 'rouge2', 'rougeL'],
    answerMetricNames: ANSWER,
  },
  huatuo: {
    name: 'huatuo',
    version: '1',
    signature:
      'medeval:huatuo@1|tok:char(no-whitespace)|bleu:nltk-3.8-corpus_bleu,cumulative,uniform,no-smoothing|gleu:nltk-3.8-corpus_gleu,1-4|rouge:rouge-score-0.1.2-F,mean|distinct:per-text-mean(fraction)|scale:100',
    description:
      'Huatuo-26M generation metrics (our exact reading; the paper names no tools): characters without whitespace; BLEU-1..4 = nltk corpus_bleu with uniform 1/n weights, no smoothing, ×100; GLEU = nltk corpus_gleu(min_len=1, max_len=4) ×100; ROUGE-1/2/L = rouge-score F on characters, mean ×100; Distinct-1/2 = per-answer distinct/all n-grams averaged over answers that have one (a fraction).',
    reproduces: 'Huatuo-26M paper generation table (BLEU-1..4, GLEU, ROUGE-1/2/L, Distinct-1/2)',
    unparsed: 'wrong',
    textMetricNames: ['bleu1', 'bleu2', 'bleu3', 'bleu4', 'gleu', 'rouge1', 'rouge2', 'rougeL', 'distinct1', 'distinct2'],
    answerMetricNames: ANSWER,
  },
  standard: {
    name: 'standard',
    version: '2',
    signature:
      'medeval:standard@2|answers:strict-extractor@2(think-stripped,last-commitment),unparsed=wrong|accuracy:exact-set|f1:sklearn-1.2.1,zero_division=warn(->0)|bleu:sacrebleu-2.6.0,tok:zh,cumulative|rouge:rouge-score-0.1.2-F,tok:char,mean|distinct:per-text-mean(fraction)|ci:bootstrap95|scale:100',
    description:
      'The recommended default: strict answer extraction (unparsed counts as wrong), sacrebleu-compatible corpus BLEU-1..4 (tokenize zh, cumulative BLEU(max_ngram_order=n)), rouge-score-compatible ROUGE-1/2/L F on characters (mean ×100), Distinct-1/2, bootstrap 95% intervals.',
    reproduces: 'nothing published; comparable with sacrebleu and rouge-score run on the same texts',
    unparsed: 'wrong',
    textMetricNames: ['bleu1', 'bleu2', 'bleu3', 'bleu4', 'rouge1', 'rouge2', 'rougeL', 'distinct1', 'distinct2'],
    answerMetricNames: ANSWER,
  },
} satisfies Record<ProtocolName, ProtocolInfo>);

export const PROTOCOL_NAMES = Object.keys(PROTOCOLS) as ProtocolName[];

export function isProtocolName(name: string): name is ProtocolName {
  return Object.prototype.hasOwnProperty.call(PROTOCOLS, name);
}

/**
 * The protocol called `name`; a clear error listing the valid names otherwise.
 *
 * @example
 * getProtocol('cmexam-paper').version; // the protocol's version, part of every signature it makes
 */
export function getProtocol(name: string): ProtocolInfo {
  if (!isProtocolName(name)) throw new Error(`unknown protocol "${name}"; valid protocols: ${PROTOCOL_NAMES.join(', ')}`);
  return PROTOCOLS[name];
}

/** The prefix every metric signature of a protocol carries: `medeval:<name>@<version>|`. */
export function protocolPrefix(p: ProtocolInfo): string {
  return `medeval:${p.name}@${p.version}|`;
}

/**
 * What `medeval rouge --protocol P` should pass to `corpusRouge` (variant, tokenizer, argument order, prefix).
 *
 * @example
 * protocolRougeOptions('cmexam-gpt'); // { variant: 'nmt', tokenize: 'codepoints', swap: true, signaturePrefix: … }
 */
export function protocolRougeOptions(name: string): { variant: 'rouge-score' | 'nmt'; tokenize: 'char' | 'codepoints'; swap: boolean; signaturePrefix: string } {
  const p = getProtocol(name);
  const signaturePrefix = protocolPrefix(p);
  if (p.name === 'cmexam-paper') return { variant: 'nmt', tokenize: 'codepoints', swap: false, signaturePrefix };
  if (p.name === 'cmexam-gpt') return { variant: 'nmt', tokenize: 'codepoints', swap: true, signaturePrefix };
  return { variant: 'rouge-score', tokenize: 'char', swap: false, signaturePrefix };
}
