// What each protocol extracts from one output, by protocol name: the functions the first version exported,
// now reading the protocol's definition in protocols.ts (where each protocol is whole).
import type { Parsed } from '@medeval/core';
import { cmexamProtocol } from '../protocols.js';
import type { CmexamSample } from '../schema.js';

export type CmexamProtocol = 'cmexam-paper' | 'cmexam-gpt' | 'standard' | (string & {});

/** Answer letters (paper: LoRA string; gpt: raw capture) or null. */
export function parseAnswer(protocol: CmexamProtocol, output: string, sample: CmexamSample): Parsed<string> {
  return cmexamProtocol(protocol).parseAnswer(output, sample);
}

/** The explanation each protocol scores. */
export function parseExplanation(protocol: CmexamProtocol, output: string): Parsed<string> {
  return cmexamProtocol(protocol).parseExplanation(output);
}

/** The predicted answer label a protocol's metrics see (null = row dropped from the denominators). */
export function scoredAnswer(protocol: CmexamProtocol, prediction: string | null): string | null {
  return cmexamProtocol(protocol).scoredAnswer(prediction);
}

/** The hypothesis text a protocol's explanation metrics see. */
export function scoredExplanation(protocol: CmexamProtocol, prediction: string | null): string {
  return cmexamProtocol(protocol).scoredExplanation(prediction);
}
