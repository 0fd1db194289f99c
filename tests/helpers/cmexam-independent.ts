// CMExam's paper protocol restated independently of the library, in a few plain lines, so end-to-end
// tests (core score() and the medeval command) check their numbers against something they do not share.
import { readFileSync } from 'node:fs';
import { cmexam } from '@medeval/datasets-cmexam';

/** The CMExam LoRA parse_options, restated (Python split/strip ≈ JS for these texts). */
export function loraParse(output: string | null, optionsText: string): string {
  if (output === null || output === '') return '无答案';
  const text = output.includes('解释') ? output.split('\n')[0]!.trim() : output;
  const chosen = optionsText
    .split('\n')
    .map((line) => line.split(/\s+/).filter(Boolean))
    .filter(([letter, word]) => text.includes(letter!) || text.includes(word ?? letter!))
    .map(([letter]) => letter);
  return chosen.length ? chosen.join('') : '无答案';
}

/** sklearn precision_recall_fscore_support(average='weighted')[2] × 100, zero division → 0. */
export function weightedF1(gold: string[], pred: string[]): number {
  const labels = new Set([...gold, ...pred]);
  let sum = 0;
  for (const label of labels) {
    const support = gold.filter((g) => g === label).length;
    if (support === 0) continue;
    const predicted = pred.filter((p) => p === label).length;
    const tp = gold.filter((g, i) => g === label && pred[i] === label).length;
    const p = predicted ? tp / predicted : 0;
    const r = tp / support;
    sum += (p + r ? (2 * p * r) / (p + r) : 0) * support;
  }
  return (100 * sum) / gold.length;
}

/** Accuracy and weighted F1 (0–100) of a predictions file on a CMExam CSV under the paper's protocol. */
export async function paperScores(data: string, predictions: string): Promise<{ accuracy: number; f1: number; noAnswer: number }> {
  const outputs = new Map<string, string | null>();
  for (const line of readFileSync(predictions, 'utf8').split('\n')) {
    if (line.trim()) {
      const { id, output } = JSON.parse(line) as { id: string; output: string | null };
      outputs.set(id, output);
    }
  }
  const gold: string[] = [];
  const pred: string[] = [];
  for await (const sample of cmexam.load(data).samples()) {
    gold.push(sample.target.answer);
    pred.push(loraParse(outputs.get(sample.id) ?? null, sample.input.optionsText));
  }
  const accuracy = (100 * gold.filter((g, i) => g === pred[i]).length) / gold.length;
  return { accuracy, f1: weightedF1(gold, pred), noAnswer: pred.filter((p) => p === '无答案').length };
}
