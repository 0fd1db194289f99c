// Which annotation columns a source has before any row is read. The run reads the task's slice dimensions
// when its first record arrives, when the loader has read the real header, and that header decides; this
// sniff only answers before then. In-memory sources are sniffed from their header; for a file path it says
// nothing (a file name never decides: a renamed annotated CSV keeps its slices, `test.jsonl` without
// annotations gets no tables).
import type { DataSource } from '@medeval/core';
import { ANNOTATION_COLUMNS, annotationColumnFor, type AnnotationColumn } from '../annotations.js';

export function sniffAnnotationColumns(data: DataSource): AnnotationColumn[] {
  if (typeof data === 'string') return [];
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
