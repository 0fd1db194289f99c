// Options that `run` and `score` share, declared once so their help texts cannot drift apart.
import type { CommandSpec } from './spec.js';

/** The judge fallback (off by default): `run` and `score` take the same flag. */
export const JUDGE_OPTION = {
  judge: {
    type: 'string',
    value: 'SPEC',
    description:
      'a judge model (any --model spec): reads the answer of outputs the rules leave unparsed (cmexam, cmexam-joint; standard protocol) ' +
      'and scores free-text answers 1-5 on fluency, relevance, completeness, medical proficiency (huatuo, cmexam-explanation, cmexam-joint)',
  },
} satisfies CommandSpec['options'];

export const EVALUATION_OUTPUT_OPTIONS = {
  metric: { type: 'string', value: 'PATH', multiple: true, description: 'extra metric module(s) or glob patterns (third-party plugins)' },
  strict: { type: 'boolean', description: 'stop with exit 1 at the first data row the loader cannot use (default: skip a row with bad content and report it)' },
  'skip-bad-rows': {
    type: 'boolean',
    description: 'skip rows that cannot be parsed at all (unterminated quote, wrong field count, bad JSON) and report them (default: exit 1 naming the row)',
  },
  overwrite: { type: 'boolean', description: 'replace the run already in the --out folder (default: exit 1 and keep it)' },
  'allow-empty': { type: 'boolean', description: 'score a run in which every output is empty (default: exit 1, a broken pipeline)' },
  full: { type: 'boolean', description: 'print every table (overall and per annotation), not just the overall one' },
  quiet: { type: 'boolean', short: 'q', description: 'print no tables, only the run folder path' },
} satisfies CommandSpec['options'];
