// Which annotation columns a source has, known before any row is read: a run fixes its slice dimensions
// when it starts. In-memory sources are sniffed from their header; a file path cannot be read
// synchronously without Node built-ins, so its name decides (the official test split is the annotated
// one), and the loader's real header wins once it has been read.
import type { DataSource } from '@medeval/core';
import { ANNOTATION_COLUMNS, annotationColumnFor, type AnnotationColumn } from '../annotations.js';

export function sniffAnnotationColumns(data: DataSource): AnnotationColumn[] {
  if (typeof data === 'string') {
    const base = data.split(/[\\/]/).pop() ?? data;
    return /annotation|^test/i.test(base) ? [...ANNOTATION_COLUMNS] : [];
  }
  const head = 'text' in data ? data.text.slice(0, 8192) : new TextDecoder().decode(data.bytes.subarray(0, 8192));
  const firstLine = head.replace(/^\uFEFF/, '').trimStart().split('\n')[0] ?? '';
  let headers: string[];
  if (firstLine.startsWith('{')) {
    try {
      headers = Object.keys(JSON.parse(firstLine) as Record<string, unknown>);
    } catch {
      headers = [];
    }
  } else {
    headers = firstLine.split(',').map((h) => h.replace(/^"|"$/g, '').trim());
  }
  return ANNOTATION_COLUMNS.filter((c) => headers.some((h) => annotationColumnFor(h) === c));
}
