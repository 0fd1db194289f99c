// What an offline baseline knows about the sample it is asked about: the question (from the sample, or
// else the last user message) and, for leave-one-out, the answers it must never return.
import type { GenerateContext, ModelRequest } from '@medeval/core';
import type { HuatuoSample } from '../schema.js';

export interface BaselineQuery {
  question: string;
  /** Reference answers of the evaluated sample (empty when the request came without a sample). */
  ownAnswers: ReadonlySet<string>;
  sampleId: string | null;
}

export function queryOf(request: ModelRequest, context: GenerateContext): BaselineQuery {
  const sample = context.sample as HuatuoSample | undefined;
  const question =
    typeof sample?.input?.question === 'string'
      ? sample.input.question
      : ([...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '');
  const answers = Array.isArray(sample?.target?.answers) ? sample.target.answers : [];
  return { question, ownAnswers: new Set(answers), sampleId: sample?.id ?? null };
}
