// The versions of the medeval packages this command runs, for results.json's manifest.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGES = ['@medeval/cli', '@medeval/core', '@medeval/metrics', '@medeval/datasets-cmexam', '@medeval/datasets-huatuo', '@medeval/datasets-cmmlu', '@medeval/datasets-mcq'];

export function medevalVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      versions[name] = 'unknown';
    }
  }
  return versions;
}
