// Options that `run` and `score` share, declared once so their help texts cannot drift apart.
import type { CommandSpec } from './spec.js';

export const EVALUATION_OUTPUT_OPTIONS = {
  metric: { type: 'string', value: 'PATH', multiple: true, description: 'extra metric module(s) or glob patterns (third-party plugins)' },
  strict: { type: 'boolean', description: 'stop with exit 1 at the first data row the loader cannot use (default: skip it and report it)' },
  full: { type: 'boolean', description: 'print every table (overall and per annotation), not just the overall one' },
  quiet: { type: 'boolean', short: 'q', description: 'print no tables, only the run folder path' },
} satisfies CommandSpec['options'];
