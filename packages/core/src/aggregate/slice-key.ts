// How annotation values become slice keys, and the order slices are shown in.
import type { MetaValue } from '../types.js';

/** The key used for missing annotations (null, undefined, empty string). */
export const NOT_APPLICABLE = 'N/A';

export function sliceKey(value: MetaValue | undefined): string {
  if (value === null || value === undefined) return NOT_APPLICABLE;
  const key = String(value);
  return key.trim() === '' ? NOT_APPLICABLE : key;
}

/**
 * Display order: numeric keys ascending (difficulty 1–5), then the other values by sample count
 * (largest first, ties by code point), and N/A last — the key "N/A" or a value the dataset labels "N/A"
 * (CMExam's 不符合).
 */
export function compareSliceKeys(
  a: string,
  b: string,
  countOf: (key: string) => number,
  labelOf: (key: string) => string | undefined = () => undefined,
): number {
  if (a === b) return 0;
  const naA = a === NOT_APPLICABLE || labelOf(a) === NOT_APPLICABLE;
  const naB = b === NOT_APPLICABLE || labelOf(b) === NOT_APPLICABLE;
  if (naA !== naB) return naA ? 1 : -1;
  const na = numericKey(a), nb = numericKey(b);
  if (na !== null && nb !== null) return na - nb;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  return countOf(b) - countOf(a) || (a < b ? -1 : 1);
}

function numericKey(key: string): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(key)) return null;
  return Number(key);
}
