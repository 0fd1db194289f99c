// The question–answer corpus a retrieval baseline draws from: a Huatuo file in any of its formats
// (read with the same validating loader) or pairs given in code. One document per (question, answer).
import { sourceName, type DataSource, type LoadSummary } from '@medeval/core';
import { loadHuatuo } from '../load/dataset.js';

export interface QaPair {
  question: string;
  answer: string;
}

export type CorpusInput = DataSource | readonly QaPair[];

export interface Corpus {
  /** Used in the model id, e.g. `bundled:huatuo-sample` or `inline[55]`. */
  name: string;
  documents: QaPair[];
  /** The loader's summary when the corpus came from a file (bad lines are counted there). */
  load: LoadSummary | null;
}

export function corpusName(input: CorpusInput): string {
  return Array.isArray(input) ? `inline[${input.length}]` : sourceName(input as DataSource);
}

export async function loadCorpus(input: CorpusInput): Promise<Corpus> {
  if (Array.isArray(input)) {
    const documents = (input as readonly QaPair[]).map(({ question, answer }, index) => {
      if (typeof question !== 'string' || typeof answer !== 'string') {
        throw new Error(`corpus pair ${index}: expected {question: string, answer: string}`);
      }
      return { question, answer };
    });
    return { name: corpusName(input), documents, load: null };
  }
  const dataset = loadHuatuo(input as DataSource, { name: 'huatuo-corpus' });
  const documents: QaPair[] = [];
  for await (const sample of dataset.samples()) {
    for (const answer of sample.target.answers) documents.push({ question: sample.input.question, answer });
  }
  return { name: corpusName(input), documents, load: dataset.summary() };
}
