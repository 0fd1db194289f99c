// Label sets the way scikit-learn builds them: `sorted(set(y_true) | set(y_pred))` in Python's
// code-point order. JS's default sort compares UTF-16 units, which puts astral characters (𠮷, emoji)
// before U+E000–U+FFFF; Python puts them after. This comparator is Python's.

/** Python `str` ordering: lexicographic by code point. */
export function comparePython(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Differing units: if either is a surrogate, compare full code points.
    const cx = x >= 0xd800 && x <= 0xdfff ? a.codePointAt(x >= 0xdc00 ? i - 1 : i)! : x;
    const cy = y >= 0xd800 && y <= 0xdfff ? b.codePointAt(y >= 0xdc00 ? i - 1 : i)! : y;
    if (cx !== cy) return cx < cy ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** `sorted(set(a) | set(b) | ...)` with Python's order. */
export function sortedLabelUnion(...lists: ReadonlyArray<readonly string[]>): string[] {
  const set = new Set<string>();
  for (const l of lists) for (const x of l) set.add(x);
  return [...set].sort(comparePython);
}
