// The versions of the medeval packages this command runs, for results.json's manifest.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGES = ['@medeval/cli', '@medeval/core', '@medeval/metrics', '@medeval/datasets-cmexam', '@medeval/datasets-huatuo'];
/** The dataset packages of the newer tasks, named in the manifest only when their task ran. */
const TASK_PACKAGES: Record<string, string[]> = {
  'cmmlu-medical': ['@medeval/datasets-cmmlu'],
  mcq: ['@medeval/datasets-mcq'],
  cmb: ['@medeval/datasets-cmb', '@medeval/datasets-mcq'],
  'cmb-clin': ['@medeval/datasets-cmb'],
};

export function medevalVersions(task?: string): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of [...PACKAGES, ...(task ? (TASK_PACKAGES[task] ?? []) : [])]) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      versions[name] = 'unknown';
    }
  }
  return versions;
}
