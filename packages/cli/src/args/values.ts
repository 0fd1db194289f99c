// Typed access to parsed flag values, with usage errors that name the flag.
import { UsageError } from '../errors.js';
import type { OptionValues } from './spec.js';

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(values: OptionValues, name: string, command: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw new UsageError(`missing required option --${name}`, command);
  return value;
}

export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

export function booleanOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function integerOption(
  values: OptionValues,
  name: string,
  command: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${name} must be an integer, got "${text}"`, command);
  }
  if (range.min !== undefined && value < range.min) throw new UsageError(`--${name} must be at least ${range.min}, got ${value}`, command);
  if (range.max !== undefined && value > range.max) throw new UsageError(`--${name} must be at most ${range.max}, got ${value}`, command);
  return value;
}

/** A non-negative decimal number (prices, budgets); `positive` refuses 0. */
export function decimalOption(values: OptionValues, name: string, command: string, range: { positive?: boolean } = {}): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\s*\d+(\.\d+)?([eE][-+]?\d+)?\s*$|^\s*\.\d+\s*$/.test(text) || !Number.isFinite(value)) {
    throw new UsageError(`--${name} must be a number, got "${text}"`, command);
  }
  if (range.positive && value === 0) throw new UsageError(`--${name} must be more than 0`, command);
  return value;
}

export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  command: string,
  choices: readonly T[],
): T | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got "${text}"`, command);
  }
  return text as T;
}
