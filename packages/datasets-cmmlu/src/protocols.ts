// The two CMMLU protocols, each whole in one object: how an answer is read, how long an answer may be, and
// the extraction part of the signature stored with every number.
//   cmmlu-paper  CMMLU's own extract_choice (mp_utils.py @ d6e7b71); when nothing matches, a random letter,
//                seeded by the run's seed and the sample id (the paper draws one unseeded).
//   standard     medeval's standard extractor; every CMMLU question has one answer, so several committed
//                letters are no answer.
import { createRng, deriveSeed, type Parsed } from '@medeval/core';
import { strictParsed } from '@medeval/datasets-cmexam';
import { extractChoice } from './extract-choice.js';
import type { CmmluSample } from './schema.js';

export const CMMLU_PROTOCOLS = ['standard', 'cmmlu-paper'] as const;
export type CmmluProtocol = (typeof CMMLU_PROTOCOLS)[number];

export interface CmmluProtocolDefinition {
  name: CmmluProtocol;
  /** The extraction part of the task's signature. */
  extraction: string;
  /** max_tokens of the request. */
  maxTokens: number;
  /** The answer read from a (non-empty) output; `seed` is the run's seed. */
  parse(output: string, sample: CmmluSample, seed: number): Parsed<string>;
}

/** CMMLU's protocols by name: each one's whole definition. */
export const CMMLU_PROTOCOL_DEFINITIONS: Readonly<Record<CmmluProtocol, CmmluProtocolDefinition>> = Object.freeze({
  standard: {
    name: 'standard',
    extraction: 'extract:medeval-standard@2,single-answer',
    maxTokens: 1024,
    parse: (output: string, sample: CmmluSample) => strictParsed(output, sample.input.options, sample.input.question, { single: true }),
  },
  'cmmlu-paper': {
    name: 'cmmlu-paper',
    extraction: 'extract:cmmlu-extract_choice@d6e7b71|fallback:seeded-random',
    maxTokens: 256,
    parse(output: string, sample: CmmluSample, seed: number): Parsed<string> {
      const rng = createRng(deriveSeed(seed, 'cmmlu-fallback', sample.id));
      const read = extractChoice(output, () => rng.int(4));
      return { prediction: read.choice, status: 'ok', extraction: { rule: `cmmlu:${read.rule}`, span: read.span } };
    },
  },
});

/**
 * A CMMLU protocol's definition; an unknown name throws, listing the valid ones.
 *
 * @example
 * cmmluProtocol('cmmlu-paper').parse('答案是：B', sample, 0); // { prediction: 'B', status: 'ok', extraction: { rule: 'cmmlu:…', … } }
 */
export function cmmluProtocol(name: string): CmmluProtocolDefinition {
  const definition = (CMMLU_PROTOCOL_DEFINITIONS as Record<string, CmmluProtocolDefinition>)[name];
  if (!definition) throw new Error(`CMMLU protocol "${name}": choose one of ${CMMLU_PROTOCOLS.join(', ')}`);
  return definition;
}
