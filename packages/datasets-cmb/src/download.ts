// `medeval datasets download cmb`: CMB's files from the Hugging Face dataset FreedomIntelligence/CMB, under the
// layout of the release (`CMB-Exam/…`, `CMB-Clin/…`, as `data/CMB.zip` of the GitHub repository unpacks), and
// the test answers from the GitHub repository. No checksums are published, so they are trusted on first use:
// the sha256 of each file is recorded at its first download and a later download must match it.
const HF = 'https://huggingface.co/datasets/FreedomIntelligence/CMB/resolve/main';
const GITHUB = 'https://raw.githubusercontent.com/FreedomIntelligence/CMB/main';

export const remoteFiles: Array<{ name: string; url: string }> = [
  { name: 'CMB-test-choice-question-merge.json', url: `${HF}/CMB-Exam/CMB-test/CMB-test-choice-question-merge.json` },
  { name: 'CMB-test-choice-answer.json', url: `${GITHUB}/data/CMB-test-choice-answer.json` },
  { name: 'CMB-val-merge.json', url: `${HF}/CMB-Exam/CMB-val/CMB-val-merge.json` },
  { name: 'CMB-Clin-qa.json', url: `${HF}/CMB-Clin/CMB-Clin-qa.json` },
];
