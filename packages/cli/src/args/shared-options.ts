// Options that `run` and `score` share, declared once so their help texts cannot drift apart.
import type { CommandSpec } from './spec.js';

/** The judge fallback (off by default): `run` and `score` take the same flag. */
export const JUDGE_OPTION = {
  judge: {
    type: 'string',
    value: 'SPEC',
    description:
      'a judge model (any --model spec) reads the answer of outputs the rules leave unparsed; standard protocol only, CMExam answer and joint tasks',
  },
} satisfies CommandSpec['options'];

export const EVALUATION_OUTPUT_OPTIONS = {
  metric: { type: 'string', value: 'PATH', multiple: true, description: 'extra metric module(s) or glob patterns (third-party plugins)' },
  strict: { type: 'boolean', description: 'stop with exit 1 at the first data row the loader cannot use (default: skip it and report it)' },
  full: { type: 'boolean', description: 'print every table (overall and per annotation), not just the overall one' },
  quiet: { type: 'boolean', short: 'q', description: 'print no tables, only the run folder path' },
} satisfies CommandSpec['options'];
