// `cmmlu-medical` (and any CMMLU subjects): CMMLU's prompt, zero-shot by default or k-shot from the dev
// split (the first k dev rows of the subject, as CMMLU does), results sliced by subject (Chinese names),
// accuracy micro- and macro-averaged. Protocols: `cmmlu-paper` reads answers with CMMLU's extract_choice
// (a random letter when nothing matches, seeded); `standard` with medeval's standard extractor.
import type { Parsed, Task } from '@medeval/core';
import { loadCmmlu, type CmmluDataset } from './load.js';
import { macroAccuracy, microAccuracy } from './metrics.js';
import { cmmluMessages } from './prompt.js';
import { cmmluProtocol, type CmmluProtocol } from './protocols.js';
import type { CmmluSample } from './schema.js';
import { ALL_SUBJECTS, MEDICAL_SUBJECTS } from './subjects.js';

export { CMMLU_PROTOCOLS, type CmmluProtocol } from './protocols.js';
export const TASK_VERSION = '1';

export interface CmmluTaskOptions {
  /** A CMMLU data folder (with `test/` and `dev/`), e.g. haonan-li/CMMLU's `data`. */
  data?: string;
  protocol?: CmmluProtocol;
  /** Examples from the dev split before each question: 0 (default) or up to 5, as the paper's 5-shot. */
  shots?: number;
  /** `medical` (default: the nine medical subjects), `all` (67), or a list of subject names. */
  subjects?: 'medical' | 'all' | readonly string[];
  /** Seeds cmmlu-paper's random fallback letter (with the sample id). */
  seed?: number;
}

export type CmmluTask = Task<CmmluSample, string> & { readonly dataset: CmmluDataset };

/**
 * @example
 * await evaluate({ task: cmmluMedical({ data: './CMMLU/data', protocol: 'cmmlu-paper', shots: 5 }), model });
 */
export function cmmluMedical(options: CmmluTaskOptions = {}): CmmluTask {
  // The protocol, whole (protocols.ts); an unknown name throws, listing the valid ones.
  const definition = cmmluProtocol(options.protocol ?? 'standard');
  const protocol = definition.name;
  const shots = options.shots ?? 0;
  if (!Number.isInteger(shots) || shots < 0 || shots > 5) throw new Error(`CMMLU shots: ${shots}; the dev split has five examples per subject (0–5)`);
  const subjects = options.subjects === 'all' ? ALL_SUBJECTS : options.subjects === 'medical' || options.subjects === undefined ? MEDICAL_SUBJECTS : options.subjects;
  const data = options.data;
  const lazyDir = () => {
    if (data === undefined) throw new Error('CMMLU needs its data folder (--data DIR with test/ and dev/; `medeval datasets download cmmlu` fetches the medical subjects)');
    return data;
  };
  const test = loadCmmlu(data ?? '(no data folder)', { split: 'test', subjects });
  const dataset: CmmluDataset = {
    ...test,
    async *samples(o) {
      lazyDir();
      yield* test.samples(o);
    },
  };
  const dev = new Map<string, Promise<CmmluSample[]>>();
  const shotsFor = (subject: string) => {
    if (shots === 0) return Promise.resolve([]);
    let pending = dev.get(subject);
    if (!pending) dev.set(subject, (pending = loadCmmlu(lazyDir(), { split: 'dev', subjects: [subject] }).subject(subject).then((xs) => xs.slice(0, shots))));
    return pending;
  };
  const seed = options.seed ?? 0;
  const signature = `cmmlu|${protocol}|prompt:cmmlu-direct|shots:${shots}|${definition.extraction}|v${TASK_VERSION}`;
  const subjectSet = subjects === MEDICAL_SUBJECTS ? 'medical' : subjects === ALL_SUBJECTS ? 'all' : subjects.join('+');
  return {
    name: 'cmmlu-medical',
    version: TASK_VERSION,
    dataset,
    protocol: { name: protocol, signature },
    promptId: `cmmlu-direct@1,shots=${shots},subjects=${subjectSet}`,
    async render(sample) {
      return { messages: cmmluMessages(sample, await shotsFor(sample.input.subject)), temperature: 0, maxTokens: definition.maxTokens };
    },
    parse(output, sample): Parsed<string> {
      if (output.trim() === '') return { prediction: null, status: 'empty' };
      return definition.parse(output, sample, seed);
    },
    metrics: [microAccuracy(signature), macroAccuracy(signature)],
    sliceDimensions: ['subject'],
    describeInput: (sample) => `${sample.input.question}\n${sample.input.optionsText}`,
    serializeTarget: (sample) => sample.target.answer,
  };
}
