// How a command describes its flags: one object per command gives both the parser and the --help text,
// so the two never disagree.

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, e.g. `o` for `-o`. */
  short?: string;
  /** The flag may repeat (`--data a.csv --data b.csv`); values are collected in order. */
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `FILE`. */
  value?: string;
  description: string;
  /** Shown in help as "(default: ...)"; the command applies it. */
  defaultText?: string;
}

export interface CommandSpec {
  /** As typed after `medeval`, e.g. `datasets download`. */
  name: string;
  summary: string;
  usage: string[];
  /** Paragraphs printed after the usage lines. */
  details?: string[];
  options: Record<string, OptionSpec>;
  /** Allowed number of positional arguments. */
  positionals?: { min: number; max: number; name: string };
  examples?: string[];
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}
