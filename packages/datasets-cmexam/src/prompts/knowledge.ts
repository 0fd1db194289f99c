// Knowledge seeds (ICP): key medical knowledge points placed before the question as anchors. They come
// from a callback (e.g. a model that infers them first) or from a retrieval function over a corpus.
import type { CmexamSample } from '../schema.js';

export type KnowledgeSeedCallback = (sample: CmexamSample) => string[] | Promise<string[]>;

export interface KnowledgeRetriever {
  /** Returns the k passages most relevant to the query. */
  retrieve(query: string, k: number): string[] | Promise<string[]>;
  /** Passages per question (default 3). */
  k?: number;
  /** Name recorded in the prompt id (default `retrieval`). */
  name?: string;
}

export type KnowledgeSeeds = KnowledgeSeedCallback | KnowledgeRetriever;

export async function seedsFor(seeds: KnowledgeSeeds, sample: CmexamSample): Promise<string[]> {
  if (typeof seeds === 'function') return seeds(sample);
  const query = `${sample.input.question}\n${sample.input.options.map((o) => o.text).join(' ')}`;
  return seeds.retrieve(query, seeds.k ?? 3);
}

export function knowledgeTag(seeds: KnowledgeSeeds): string {
  return typeof seeds === 'function' ? 'callback' : `${seeds.name ?? 'retrieval'},k=${seeds.k ?? 3}`;
}

/** The block inserted before the question. Empty when there are no seeds. */
export function knowledgeBlock(points: readonly string[]): string {
  const clean = points.map((p) => p.trim()).filter((p) => p !== '');
  if (clean.length === 0) return '';
  return `关键知识点：\n${clean.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n\n`;
}
