import type { Sample } from '@medeval/core';

export interface CmmluOption {
  letter: 'A' | 'B' | 'C' | 'D';
  text: string;
}

export interface CmmluInput {
  question: string;
  options: CmmluOption[];
  /** "A text" lines, as the standard extractor and reports take them. */
  optionsText: string;
  /** The English subject name (file name), e.g. `clinical_knowledge`. */
  subject: string;
}

/** `meta.subject` is the Chinese subject name (CMMLU's `name_en2zh`): the slice labels. */
export type CmmluSample = Sample<CmmluInput, { answer: string }> & { meta: { subject: string; subjectId: string } };
