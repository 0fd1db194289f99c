// The three line shapes of Huatuo-26M and the sample they become. Validated with zod so a wrong type
// is reported with its field name instead of flowing into a metric as `undefined`.
import { z } from 'zod';
import type { Sample } from '@medeval/core';

/** The paper's test set (`test_datasets.jsonl`): one QA pair per line, both plain strings. */
export const testLineSchema = z.object({
  questions: z.string(),
  answers: z.string(),
});

/**
 * Huatuo26M-Lite (`format_data.jsonl`). `label` is the hospital department. The Hugging Face card gives
 * every field only as an untyped "Value", so `id` and `score` may be numbers or strings and
 * `related_diseases` a string, a list of strings or null; anything else is a wrong type.
 */
export const liteLineSchema = z.object({
  id: z.union([z.number(), z.string()]),
  question: z.string(),
  answer: z.string(),
  score: z.union([z.number(), z.string(), z.null()]),
  label: z.string(),
  related_diseases: z.union([z.string(), z.array(z.string()), z.null()]),
});

/**
 * huatuo_encyclopedia_qa (`questions: string[][]`, paraphrase groups) and huatuo_knowledge_graph_qa
 * (`questions: string[]`). Every question becomes a sample; all answers are its references.
 */
export const listLineSchema = z.object({
  questions: z.array(z.union([z.string(), z.array(z.string())])).min(1, 'no questions in the list'),
  answers: z.array(z.string()).min(1, 'no answers in the list'),
});

/** Which loader a file needs. `knowledge-graph` is read by the same list loader as `encyclopedia`. */
export type HuatuoFormat = 'test' | 'lite' | 'encyclopedia' | 'knowledge-graph';

/** Required keys per format, checked before the type check so "missing field" and "wrong type" differ. */
export const requiredKeys: Record<HuatuoFormat, readonly string[]> = {
  test: ['questions', 'answers'],
  lite: ['id', 'question', 'answer', 'score', 'label', 'related_diseases'],
  encyclopedia: ['questions', 'answers'],
  'knowledge-graph': ['questions', 'answers'],
};

export const lineSchemas = {
  test: testLineSchema,
  lite: liteLineSchema,
  encyclopedia: listLineSchema,
  'knowledge-graph': listLineSchema,
} as const;

export interface HuatuoInput {
  question: string;
}

export interface HuatuoTarget {
  /** One reference for the test file and Lite; every answer of the line for the list formats. */
  answers: string[];
}

/**
 * meta: `department` (Lite `label`), `liteId`, `score`, `relatedDiseases` for Lite lines;
 * `line` (0-based line index) and `questionIndex` for the list formats.
 */
export type HuatuoSample = Sample<HuatuoInput, HuatuoTarget>;
