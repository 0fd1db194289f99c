import type { GenerateContext } from '@medeval/core';
import type { CmexamSample } from '../schema.js';

/** Offline baselines read the question from `context.sample`; a clear error when it is missing. */
export function sampleFromContext(context: GenerateContext, who: string): CmexamSample {
  const sample = context?.sample as CmexamSample | undefined;
  if (!sample || !Array.isArray(sample.input?.options)) {
    throw new Error(`${who} needs the CMExam sample in generate(request, { sample }); it cannot answer from text alone`);
  }
  return sample;
}
