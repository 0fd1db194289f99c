// Recognising proportion items: Wilson intervals and McNemar tests need items that are 0 or 1.

/** 1, 0, or null when the item is not a 0/1 value (numbers 0/1 and booleans are accepted). */
export function asBinary(item: unknown): 0 | 1 | null {
  if (item === 1 || item === true) return 1;
  if (item === 0 || item === false) return 0;
  return null;
}

export function allBinary(items: readonly unknown[]): boolean {
  for (const item of items) if (asBinary(item) === null) return false;
  return true;
}
