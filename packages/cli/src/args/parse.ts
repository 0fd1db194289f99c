// Flag parsing on Node's built-in util.parseArgs: strict (unknown flags are errors), no dependency, and
// it already handles `--flag=value`, `--`, repeated flags and short aliases.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { CommandSpec, OptionValues, ParsedArgs } from './spec.js';

/** Parses argv for one command; returns 'help' when -h/--help is present anywhere. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedArgs | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(rephrase(error, spec), spec.name);
  }
  const allowed = spec.positionals ?? { min: 0, max: 0, name: '' };
  if (parsed.positionals.length < allowed.min) {
    throw new UsageError(`missing ${allowed.name}`, spec.name);
  }
  if (parsed.positionals.length > allowed.max) {
    const extra = parsed.positionals.slice(allowed.max).join(' ');
    throw new UsageError(`unexpected argument${parsed.positionals.length - allowed.max > 1 ? 's' : ''}: ${extra}`, spec.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

function rephrase(error: unknown, spec: CommandSpec): string {
  const err = error as { code?: string; message?: string };
  const message = err.message ?? String(error);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    const guess = closest(flag.replace(/^-+/, '').split('=')[0] ?? '', Object.keys(spec.options));
    return `unknown option ${flag}${guess ? ` (did you mean --${guess}?)` : ''}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    if (flag && message.includes('argument missing')) return `option ${flag} needs a value`;
    // `--limit -1`: a value that starts with a dash looks like another option to the parser.
    if (flag && message.includes('ambiguous')) return `option ${flag} needs a value; for a value that starts with "-", write ${flag}=VALUE`;
    if (flag) return `option ${flag} takes no value`;
  }
  return message;
}

/** The nearest known flag within two edits, for "did you mean". */
function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
