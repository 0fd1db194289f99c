// The Huatuo-26M paper's retrieval baseline as a Model: BM25 over a question–answer corpus, answering
// with the answer of the best-scoring document. Leave-one-out (default) never returns an answer equal
// to one of the evaluated sample's references, so a corpus that contains the test set cannot leak gold.
import MiniSearch from 'minisearch';
import type { GenerateContext, Model, ModelRequest, ModelResponse } from '@medeval/core';
import { corpusName, loadCorpus, type Corpus, type CorpusInput, type QaPair } from './corpus.js';
import { queryOf } from './query.js';
import { cjkBigramTokens } from './tokenize.js';

export interface Bm25Options {
  corpus: CorpusInput;
  /** Exclude documents whose answer equals a reference of the evaluated sample (default true). */
  leaveOneOut?: boolean;
  /** Fields matched against the question (default both; question matches weigh double). */
  fields?: ReadonlyArray<'question' | 'answer'>;
  /** BM25 term-frequency saturation (default 1.2) and length normalisation (default 0.75). */
  k1?: number;
  b?: number;
}

interface Index {
  corpus: Corpus;
  search: MiniSearch<{ id: number; question: string; answer: string }>;
}

/**
 * `baseline:bm25`: answers each question with the answer of the most similar question of a corpus (BM25,
 * leave-one-out by default).
 *
 * @example
 * const model = bm25({ corpus: 'test_datasets.jsonl' });
 */
export function bm25(options: Bm25Options): Model {
  const leaveOneOut = options.leaveOneOut ?? true;
  const fields = [...(options.fields ?? ['question', 'answer'])];
  const k = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const id = `baseline:bm25(corpus=${corpusName(options.corpus)}${leaveOneOut ? ',loo' : ''})`;
  let index: Promise<Index> | null = null;

  const build = async (): Promise<Index> => {
    const corpus = await loadCorpus(options.corpus);
    const search = new MiniSearch<{ id: number; question: string; answer: string }>({
      fields,
      tokenize: cjkBigramTokens,
      processTerm: (term) => term,
      // d = 0 turns MiniSearch's BM25+ into classic (Lucene-idf) BM25.
      searchOptions: { bm25: { k, b, d: 0 }, boost: { question: 2 }, combineWith: 'OR' },
    });
    search.addAll(corpus.documents.map((doc, i) => ({ id: i, ...doc })));
    return { corpus, search };
  };

  return {
    id,
    async generate(request: ModelRequest, context: GenerateContext): Promise<ModelResponse> {
      context.signal?.throwIfAborted();
      index ??= build();
      const { corpus, search } = await index;
      const query = queryOf(request, context);
      const allowed = (i: number) => !(leaveOneOut && query.ownAnswers.has(corpus.documents[i]!.answer));
      const best = search.search(query.question, { filter: (hit) => allowed(hit.id as number) })[0];
      if (best) return { text: corpus.documents[best.id as number]!.answer, finishReason: 'retrieved' };
      // No shared bigram: fall back to the question sharing the most distinct characters.
      const fallback = mostSharedCharacters(query.question, corpus.documents, allowed);
      if (fallback === null) return { text: '', finishReason: 'no-match' };
      return { text: corpus.documents[fallback]!.answer, finishReason: 'char-overlap' };
    },
    describe: () => ({ id, kind: 'bm25', corpus: corpusName(options.corpus), leaveOneOut, fields, k1: k, b }),
  };
}

/** Index of the allowed document whose question shares the most distinct non-space characters (first on ties). */
function mostSharedCharacters(question: string, documents: readonly QaPair[], allowed: (i: number) => boolean): number | null {
  const wanted = new Set([...question].filter((c) => c.trim() !== ''));
  let best: number | null = null;
  let bestCount = 0;
  documents.forEach((doc, i) => {
    if (!allowed(i)) return;
    let count = 0;
    for (const c of new Set(doc.question)) if (wanted.has(c)) count += 1;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}
