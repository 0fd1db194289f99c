// One raw row (any supported layout) → a CmexamSample, or a reason why it cannot be one.
import type { MetaValue } from '@medeval/core';
import { annotationColumnFor, parseDifficulty } from '../annotations.js';
import { describeIssues, rawRowSchema, type CmexamOption, type CmexamSample } from '../schema.js';

/** Counters a loader reports in `summary().stats`. */
export interface RowFlags {
  literalNewlines: boolean;
  nanCells: number;
}

export type RowResult = { ok: true; sample: CmexamSample; flags: RowFlags } | { ok: false; reason: string };

const FIELD_ALIASES: Record<string, 'question' | 'options' | 'answer' | 'explanation'> = {
  question: 'question',
  问题: 'question',
  题目: 'question',
  options: 'options',
  选项: 'options',
  answer: 'answer',
  答案: 'answer',
  explanation: 'explanation',
  解释: 'explanation',
  答案解析: 'explanation',
};

/** Which core field or annotation a column header names (undefined: ignored column). */
export function fieldForHeader(header: string): string | undefined {
  const trimmed = header.trim();
  return FIELD_ALIASES[trimmed.toLowerCase()] ?? annotationColumnFor(trimmed);
}

/** Third-party conversions write pandas' NaN as the text `nan`. */
function isNanCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && /^(nan|NaN|NAN)$/.test(value.trim()));
}

/**
 * Normalizes a record keyed by header names. `id` is the 0-based data-row index.
 * Conversions that store newlines as the two characters `\n` are detected per row from the Options cell.
 */
export function normalizeRow(record: Record<string, unknown>, id: number): RowResult {
  const mapped: Record<string, unknown> = { annotations: {} };
  const annotations: Record<string, string> = {};
  let nanCells = 0;
  for (const [header, value] of Object.entries(record)) {
    const field = fieldForHeader(header);
    if (!field) continue;
    let cell = value;
    if (isNanCell(cell)) {
      if (cell !== null && cell !== undefined) nanCells++;
      cell = '';
    }
    if (typeof cell === 'number') cell = String(cell);
    if (field === 'question' || field === 'options' || field === 'answer' || field === 'explanation') {
      mapped[field] = cell;
    } else if (typeof cell === 'string') {
      annotations[field] = cell;
    } else {
      return { ok: false, reason: `${field}: expected text, found ${typeof cell}` };
    }
  }
  mapped['annotations'] = annotations;
  mapped['explanation'] ??= '';

  const parsed = rawRowSchema.safeParse(mapped);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const raw = parsed.data;

  const literalNewlines = typeof raw.options === 'string' && !raw.options.includes('\n') && raw.options.includes('\\n');
  const unescape = (text: string) => (literalNewlines ? text.replace(/\\r\\n|\\n/g, '\n') : text);

  let options: CmexamOption[];
  try {
    options =
      typeof raw.options === 'string'
        ? parseOptionLines(unescape(raw.options))
        : raw.options.map((o) => ({ letter: normalizeLetter(o.key.trim()), text: o.value.trim() }));
    checkOptions(options);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }

  let answer: string;
  try {
    answer = normalizeAnswer(raw.answer, options);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }

  const meta: Record<string, MetaValue> = {};
  for (const [column, value] of Object.entries(raw.annotations)) {
    if (column === 'Difficulty level') {
      try {
        meta[column] = parseDifficulty(value);
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
    } else {
      meta[column] = value.trim() === '' ? null : value.trim();
    }
  }

  const sample: CmexamSample = {
    id: String(id),
    input: {
      question: unescape(raw.question).trim(),
      options,
      optionsText: options.map((o) => `${o.letter} ${o.text}`).join('\n'),
    },
    target: { answer, explanation: unescape(raw.explanation).trim(), explanationAsRead: raw.explanation },
    meta,
  };
  return { ok: true, sample, flags: { literalNewlines, nanCells } };
}

const OPTION_LINE = /^([A-Za-zＡ-Ｚ])(?:[ \t\u3000]+|[.．、:：)）]\s*)(.*)$/u;

/** `"A 文本\nB 文本"` → options. Blank lines are ignored; anything else must be `<Letter> <text>`. */
export function parseOptionLines(text: string): CmexamOption[] {
  const options: CmexamOption[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const match = OPTION_LINE.exec(line.trim());
    if (!match || match[2]!.trim() === '') {
      throw new Error(`option line ${index + 1} (${JSON.stringify(line)}) is not "<Letter> <text>"`);
    }
    options.push({ letter: normalizeLetter(match[1]!), text: match[2]!.trim() });
  });
  return options;
}

function normalizeLetter(letter: string): string {
  const code = letter.codePointAt(0)!;
  const ascii = code >= 0xff21 && code <= 0xff3a ? String.fromCodePoint(code - 0xfee0) : letter;
  return ascii.toUpperCase();
}

function checkOptions(options: CmexamOption[]): void {
  if (options.length < 2) throw new Error(`only ${options.length} option(s); a question needs at least 2`);
  const seen = new Set<string>();
  for (const { letter } of options) {
    if (!/^[A-Z]$/.test(letter)) throw new Error(`option label ${JSON.stringify(letter)} is not a letter`);
    if (seen.has(letter)) throw new Error(`option ${letter} appears twice`);
    seen.add(letter);
  }
}

/** `C`, `ABD`, `A,B`, `a、b` → sorted unique letters; every letter must be an option. */
export function normalizeAnswer(cell: string, options: readonly CmexamOption[]): string {
  const compact = cell.replace(/[\s,，、;；和]+/g, '');
  const letters = [...compact].map(normalizeLetter);
  const bad = letters.find((l) => !/^[A-Z]$/.test(l));
  if (bad !== undefined) throw new Error(`Answer ${JSON.stringify(cell)} is not a set of option letters`);
  const available = new Set(options.map((o) => o.letter));
  const missing = letters.find((l) => !available.has(l));
  if (missing !== undefined) {
    throw new Error(`Answer letter ${missing} is not among the options (${[...available].join('')})`);
  }
  return [...new Set(letters)].sort().join('');
}
