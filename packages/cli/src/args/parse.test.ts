import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { formatHelp } from './help.js';
import { parseCommand } from './parse.js';
import type { CommandSpec } from './spec.js';
import { integerOption } from './values.js';

const spec: CommandSpec = {
  name: 'demo',
  summary: 'a demo',
  usage: ['medeval demo --task T [DIR...]'],
  options: {
    task: { type: 'string', value: 'T', description: 'the task' },
    data: { type: 'string', multiple: true, value: 'PATH', description: 'data files' },
    json: { type: 'boolean', description: 'print JSON' },
    limit: { type: 'string', value: 'N', description: 'limit' },
  },
  positionals: { min: 0, max: 2, name: 'DIR' },
};

describe('parseCommand', () => {
  it('parses flags, repeated flags, = syntax and positionals', () => {
    const parsed = parseCommand(spec, ['--task=cmexam', '--data', 'a.csv', '--data', 'b.csv', '--json', 'x']);
    expect(parsed).toEqual({ values: { task: 'cmexam', data: ['a.csv', 'b.csv'], json: true }, positionals: ['x'] });
  });

  it('returns help for -h and --help anywhere', () => {
    expect(parseCommand(spec, ['--task', 'x', '--help'])).toBe('help');
    expect(parseCommand(spec, ['-h'])).toBe('help');
  });

  it('rejects unknown flags with a suggestion, as a usage error', () => {
    expect(() => parseCommand(spec, ['--tsak', 'x'])).toThrow(UsageError);
    expect(() => parseCommand(spec, ['--tsak', 'x'])).toThrow(/unknown option --tsak \(did you mean --task\?\)/);
  });

  it('rejects a missing value and too many positionals', () => {
    expect(() => parseCommand(spec, ['--task'])).toThrow(/--task needs a value/);
    expect(() => parseCommand(spec, ['--task', '-1'])).toThrow(/--task needs a value; for a value that starts with "-", write --task=VALUE/);
    expect(() => parseCommand(spec, ['a', 'b', 'c'])).toThrow(/unexpected argument: c/);
  });

  it('checks integers', () => {
    expect(integerOption({ limit: '5' }, 'limit', 'demo', { min: 1 })).toBe(5);
    expect(() => integerOption({ limit: '5x' }, 'limit', 'demo')).toThrow(/--limit must be an integer/);
    expect(() => integerOption({ limit: '0' }, 'limit', 'demo', { min: 1 })).toThrow(/at least 1/);
  });

  it('help lists every option', () => {
    const help = formatHelp(spec);
    for (const name of ['--task T', '--data PATH', '--json', '--limit N', '--help']) expect(help).toContain(name);
    expect(help).toContain('(repeatable)');
  });
});
