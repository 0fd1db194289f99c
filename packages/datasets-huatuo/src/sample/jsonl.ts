// Turns bundled records into an in-memory JSON Lines DataSource, so the main entry never needs fs.
import type { DataSource } from '@medeval/core';

export function toJsonLines(name: string, records: readonly object[]): DataSource {
  return { name, text: records.map((record) => JSON.stringify(record)).join('\n') + '\n' };
}
