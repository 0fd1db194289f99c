// BM25 option scoring: each option is scored by the best BM25+ match of "question + option" among the
// knowledge passages (explanations of a train split); the best-scoring option is the answer. The
// passage of the question being answered is always excluded (leave-one-out), so the baseline never reads
// its own explanation or answer. Search by minisearch (BM25+), tokens by cjkBigramTokens (medeval's one retrieval tokenizer, shared with Huatuo's baseline).
import type { DataSource, GenerateContext, Model, ModelRequest, ModelResponse } from '@medeval/core';
import MiniSearch, { type SearchResult } from 'minisearch';
import { loadCmexam } from '../load/dataset.js';
import { cmexamSample } from '../sample/index.js';
import type { CmexamSample } from '../schema.js';
import { sampleFromContext } from './context.js';
import { cjkBigramTokens } from '@medeval/metrics/internal';

export interface Bm25BaselineOptions {
  /** Knowledge passages: a CMExam file whose explanations are indexed (default: the bundled sample). */
  corpus?: DataSource;
}

interface Passage {
  id: number;
  text: string;
  question: string;
}

export interface Bm25Index {
  /** Passages most relevant to a query, excluding those of `excludeQuestion`. */
  search(query: string, options?: { excludeQuestion?: string; limit?: number }): Array<{ text: string; score: number }>;
  /** Passage id → BM25+ score of every passage that matches the query (for option scoring). */
  scores(query: string, options?: { excludeQuestion?: string }): Map<number, number>;
  /** The text of a passage by id. */
  passage(id: number): string;
  size: number;
}

/**
 * Query terms found in more than this share of passages are dropped: their IDF is close to zero, and
 * common characters (的, 是, 病) would otherwise make every search visit every passage.
 */
const MAX_DOCUMENT_SHARE = 0.05;

/** Indexes the explanations of a CMExam file (streamed; rows without an explanation are skipped). */
export async function buildBm25Index(corpus: DataSource): Promise<Bm25Index> {
  const index = new MiniSearch<Passage>({
    fields: ['text'],
    storeFields: ['text', 'question'],
    tokenize: cjkBigramTokens,
    processTerm: (term) => term,
  });
  const documentFrequency = new Map<string, number>();
  let id = 0;
  for await (const sample of loadCmexam(corpus).samples()) {
    if (sample.target.explanation === '') continue;
    for (const term of new Set(cjkBigramTokens(sample.target.explanation))) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    index.add({ id: id++, text: sample.target.explanation, question: sample.input.question });
  }
  const maxFrequency = Math.max(20, MAX_DOCUMENT_SHARE * id);
  const terms = (query: string) =>
    [...new Set(cjkBigramTokens(query))].filter((t) => {
      const df = documentFrequency.get(t) ?? 0;
      return df > 0 && df <= maxFrequency;
    });
  const run = (query: string, exclude: string | undefined) => {
    const wanted = terms(query);
    if (wanted.length === 0) return [];
    return index.search(wanted.join(' '), {
      combineWith: 'OR',
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      ...(exclude !== undefined ? { filter: (r: SearchResult) => r['question'] !== exclude } : {}),
    });
  };
  return {
    size: id,
    search(query, options = {}) {
      return run(query, options.excludeQuestion)
        .slice(0, options.limit ?? 10)
        .map((r) => ({ text: String(r['text']), score: r.score }));
    },
    scores(query, options = {}) {
      return new Map(run(query, options.excludeQuestion).map((r) => [r.id as number, r.score]));
    },
    passage: (passageId) => String(index.getStoredFields(passageId)?.['text'] ?? ''),
  };
}

/**
 * `baseline:bm25`: scores each option by its best BM25+ passage for "question + option" and answers the best.
 *
 * @example
 * const model = bm25Baseline({ corpus: 'train.csv' }); // picks the option best supported by BM25 passages
 */
export function bm25Baseline(options: Bm25BaselineOptions = {}): Model {
  const corpus = options.corpus ?? cmexamSample;
  const corpusName = typeof corpus === 'string' ? corpus : corpus.name;
  let index: Promise<Bm25Index> | null = null;
  return {
    id: `baseline:bm25(corpus=${corpusName})`,
    describe: () => ({ kind: 'baseline', method: 'BM25+ option scoring over explanations (minisearch)', corpus: corpusName }),
    async generate(_request: ModelRequest, context: GenerateContext): Promise<ModelResponse> {
      const sample = sampleFromContext(context, 'baseline:bm25');
      index ??= buildBm25Index(corpus);
      const best = bestOption(await index, sample);
      // The retrieved passage doubles as the explanation, so the explanation task has a real baseline too.
      const explanation = best.passage === null ? '' : `\n解释：${(await index).passage(best.passage)}`;
      return { text: `答案：${best.letter}${explanation}`, finishReason: 'stop' };
    },
  };
}

/**
 * The option with the best passage for "question + option": BM25 is a sum over query terms, so a
 * passage's score is its question score plus its option score; the option whose best passage scores
 * highest wins (ties: the first option). The question is searched once, each option's text once.
 */
export function bestOption(index: Bm25Index, sample: CmexamSample): { letter: string; passage: number | null } {
  const exclude = { excludeQuestion: sample.input.question };
  const question = index.scores(sample.input.question, exclude);
  let best = { letter: sample.input.options[0]!.letter, passage: null as number | null };
  let bestScore = -Infinity;
  for (const option of sample.input.options) {
    const own = index.scores(option.text, exclude);
    let top = 0;
    let topPassage: number | null = null;
    for (const [id, score] of own) {
      const combined = score + (question.get(id) ?? 0);
      if (combined > top) [top, topPassage] = [combined, id];
    }
    if (top > bestScore) {
      bestScore = top;
      best = { letter: option.letter, passage: topPassage };
    }
  }
  return best;
}

/**
 * A knowledge-seed retriever over the same index (ICP prompts): top passages for a question.
 *
 * @example
 * const task = cmexam.answer({ data: 'val.csv', knowledgeSeeds: bm25Retriever({ corpus: 'train.csv', k: 3 }) }); // ICP: top passages before the question
 */
export function bm25Retriever(options: Bm25BaselineOptions & { k?: number } = {}) {
  const corpus = options.corpus ?? cmexamSample;
  let index: Promise<Bm25Index> | null = null;
  return {
    name: `bm25(${typeof corpus === 'string' ? corpus : corpus.name})`,
    k: options.k ?? 3,
    async retrieve(query: string, k: number): Promise<string[]> {
      index ??= buildBm25Index(corpus);
      const question = query.split('\n')[0]!;
      return (await index).search(query, { excludeQuestion: question, limit: k }).map((r) => r.text);
    },
  };
}
