// Few-shot examples drawn from the train split: k rows picked by seeded reservoir sampling while the file
// streams past (O(k) memory), the same examples for every question of a run, never the question itself.
import type { DataSource } from '@medeval/core';
import { loadCmexam } from '../load/dataset.js';
import type { CmexamSample } from '../schema.js';
import type { TaskKind } from './chat.js';
import { createRng } from '@medeval/core';

export interface FewShotOptions {
  /** Where examples come from: the train split (`train.csv`) or any CMExam file. */
  data: DataSource;
  /** Number of examples (default 3). */
  k?: number;
  /** Seed of the pick (default 0). */
  seed?: number;
}

/** Picks k usable examples (answer present; explanation present for explanation tasks). */
export async function pickFewShot(options: FewShotOptions, kind: TaskKind): Promise<CmexamSample[]> {
  const k = options.k ?? 3;
  const random = createRng(options.seed ?? 0);
  const reservoir: CmexamSample[] = [];
  let seen = 0;
  for await (const sample of loadCmexam(options.data).samples()) {
    if (sample.target.answer === '') continue;
    if (kind !== 'answer' && sample.target.explanation === '') continue;
    seen++;
    if (reservoir.length < k) reservoir.push(sample);
    else {
      const j = random.int(seen);
      if (j < k) reservoir[j] = sample;
    }
  }
  if (reservoir.length < k) {
    throw new Error(`few-shot: ${sourceLabel(options.data)} has only ${reservoir.length} usable examples, ${k} requested`);
  }
  return reservoir;
}

function sourceLabel(data: DataSource): string {
  return typeof data === 'string' ? data : data.name;
}

export function fewShotTag(options: FewShotOptions): string {
  return `k=${options.k ?? 3},seed=${options.seed ?? 0}`;
}
