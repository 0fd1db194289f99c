// Python's notion of whitespace (`str.isspace`, `str.split()`, `str.strip()`), which is NOT JS `\s`:
// Python includes U+001C–U+001F and U+0085, JS includes U+FEFF. Neither treats U+200B as whitespace.

/** True when the code point is whitespace for Python's `str.isspace()`. */
export function isPySpace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  if (cp < 0x85) return false;
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Python `s.split()` with no argument: runs of whitespace separate, empty strings dropped. */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // All Python whitespace is in the BMP, so surrogate halves are never whitespace.
    if (isPySpace(c)) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Python `s.rstrip()`. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPySpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Python `s.strip()`. */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPySpace(s.charCodeAt(start))) start++;
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** True when the string is non-empty after Python `strip()` (i.e. Python truthiness of `s.strip()`). */
export function hasNonSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isPySpace(s.charCodeAt(i))) return true;
  return false;
}
