// The shape of a CMExam sample, and the zod schema a raw row must satisfy before it becomes one.
import { z } from 'zod';
import type { MetaValue, Sample } from '@medeval/core';

export interface CmexamOption {
  /** Upper-case letter as printed in the file (A–E; some questions skip a letter). */
  letter: string;
  text: string;
}

export interface CmexamInput {
  question: string;
  options: CmexamOption[];
  /** Options as one `"<Letter> <text>"` line each, joined by LF: the official `Options` cell. */
  optionsText: string;
}

export interface CmexamTarget {
  /** Sorted correct letters without separator (`C`, `ABD`); `''` when no option is correct. */
  answer: string;
  /** Official explanation; `''` when the file has none. */
  explanation: string;
  /**
   * The explanation cell exactly as the file has it: not trimmed, literal `\n` not unescaped. The paper's
   * scripts score against this (pandas keeps surrounding whitespace; ROUGE's `split(" ")` sees it).
   */
  explanationAsRead?: string;
}

export type CmexamSample = Sample<CmexamInput, CmexamTarget> & { meta: Record<string, MetaValue> };

/** A raw row after column names were mapped, before options and answer are parsed. */
export const rawRowSchema = z.object({
  question: z.string().trim().min(1, 'empty Question'),
  options: z.union([
    z.string().trim().min(1, 'empty Options'),
    z
      .array(z.object({ key: z.string().trim().min(1), value: z.string() }), {
        error: 'Options must be text or a list of {key, value}',
      })
      .min(1, 'empty Options list'),
  ]),
  answer: z.string(),
  explanation: z.string(),
  annotations: z.record(z.string(), z.string()),
});

export type RawRow = z.infer<typeof rawRowSchema>;

/** A human reason from a zod failure, naming the field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
