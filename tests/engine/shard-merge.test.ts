// `shard` + mergeRuns(): N shard runs merged equal one unsharded run on every number of results.json and
// every record, for a multiple-choice task with explanations (accuracy, F1, corpus BLEU, ROUGE) and for
// Huatuo QA (corpus BLEU-1…4, GLEU, ROUGE, Distinct); the share of a sample does not depend on
// concurrency; missing, doubled, foreign (model, data, count) and unsharded folders, and a sample in two
// shards, are refused with the folder named.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, fromFunction, type ResultJson, type Task } from '@medeval/core';
import { shardOf } from '@medeval/core/internal';
import { MergeError, mergeRuns } from '@medeval/core/node';
import { cmexam, type CmexamSample } from '@medeval/datasets-cmexam';
import { huatuo, type HuatuoSample } from '@medeval/datasets-huatuo';
import { rejectionOf } from '../helpers/rejection.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medeval-shards-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Answers that are sometimes right, with explanations that overlap the gold one partly.
const cmexamModel = fromFunction((_request, { sample }) => {
  const s = sample as CmexamSample;
  const k = Number(s.id);
  const letter = k % 3 === 0 ? s.target.answer || 'A' : s.input.options[k % s.input.options.length]!.letter;
  return `答案：${letter}\n解释：${[...s.target.explanation].filter((_, i) => i % (2 + (k % 3)) === 0).join('')}`;
}, { id: 'test:cmexam-sometimes' });
const huatuoModel = fromFunction((_request, { sample }) => {
  const s = sample as HuatuoSample;
  return `建议：${[...s.target.answers[0]!].slice(0, 10 + (s.id.length % 7)).join('')}，必要时就医。`;
}, { id: 'test:huatuo-prefix' });

const jsonl = async (folder: string) => (await readFile(join(folder, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
/** What differs between two runs of the same configuration by nature: clock times and request latencies. */
function comparable(result: ResultJson): unknown {
  const { manifest, merged: _merged, usage, ...rest } = result;
  const { startedAt: _s, endedAt: _e, ...stableManifest } = manifest;
  const { latencyMs: _l, ...stableUsage } = (usage ?? {}) as Record<string, unknown>;
  return { ...rest, manifest: stableManifest, usage: stableUsage };
}
const withoutTiming = (r: Record<string, unknown>) => {
  const { latencyMs: _l, ...rest } = r;
  return rest;
};

async function shardedEqualsWhole(name: string, task: () => Task<any, any>, model: ReturnType<typeof fromFunction>, n: number) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const whole = await evaluate({ task: task(), model, out: join(dir, `${name}-whole`), concurrency: 4 });
  const shards: string[] = [];
  for (let index = 0; index < n; index++) {
    const out = join(dir, `${name}-shard-${index}`);
    const part = await evaluate({ task: task(), model, out, shard: { index, count: n }, concurrency: 3 });
    expect(part.shard).toEqual({ index, count: n, limit: null });
    expect(part.task.dataset.sha256).toBe(whole.task.dataset.sha256);
    shards.push(out);
  }
  const merged = await mergeRuns({ dirs: [...shards].reverse(), out: join(dir, `${name}-merged`), task: task() });
  expect(merged.merged).toEqual({ count: n, shards: Array.from({ length: n }, (_, i) => i), missing: [] });
  expect(comparable(merged)).toEqual(comparable(whole));
  expect((await jsonl(join(dir, `${name}-merged`))).map(withoutTiming)).toEqual((await jsonl(join(dir, `${name}-whole`))).map(withoutTiming));
  // Every sample is in exactly one shard.
  const ids = (await Promise.all(shards.map(jsonl))).flat().map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(whole.counts.samples);
  return { whole, shards };
}

describe('shards merged equal the unsharded run', () => {
  it('CMExam joint: accuracy, F1, BLEU, ROUGE, slices, intervals, counts', async () => {
    const { whole } = await shardedEqualsWhole('cmexam', () => cmexam.joint(), cmexamModel, 3);
    expect(Object.keys(whole.slices).length).toBe(5);
    for (const name of ['accuracy', 'f1_weighted', 'bleu4', 'rougeL']) expect(whole.metrics[name]?.n).toBeGreaterThan(0);
  });

  it('Huatuo QA: corpus BLEU-1…4, GLEU, ROUGE, Distinct', async () => {
    const { whole } = await shardedEqualsWhole('huatuo', () => huatuo.qa(), huatuoModel, 4);
    for (const name of ['bleu1', 'bleu4', 'gleu', 'rouge2', 'distinct2']) expect(whole.metrics[name]?.value).toBeGreaterThan(0);
  });
});

describe('the share of a sample', () => {
  it('is its id hash mod N, whatever the concurrency', async () => {
    const ids = async (concurrency: number) =>
      (await jsonl(await (async () => {
        const out = join(dir, `share-${concurrency}`);
        await evaluate({ task: cmexam.answer(), model: cmexamModel, out, shard: { index: 1, count: 3 }, concurrency });
        return out;
      })())).map((r) => r.id);
    const one = await ids(1);
    expect(await ids(16)).toEqual(one);
    expect(one.every((id) => shardOf(String(id), 3) === 1)).toBe(true);
  });
});

describe('mergeRuns refuses what is not one run', () => {
  const shard = (name: string, index: number, count: number, model = cmexamModel) =>
    evaluate({ task: cmexam.answer(), model, out: join(dir, name), shard: { index, count } }).then(() => join(dir, name));

  it('a missing shard (each named), unless partial', async () => {
    const s0 = await shard('m-0', 0, 4);
    const s2 = await shard('m-2', 2, 4);
    const error = await rejectionOf(mergeRuns({ dirs: [s0, s2], out: join(dir, 'm-out'), task: cmexam.answer() }), MergeError);
    expect(error.problems).toEqual([
      'shard 1/4 is missing (merge it too, or pass --partial to merge without it)',
      'shard 3/4 is missing (merge it too, or pass --partial to merge without it)',
    ]);
    const partial = await mergeRuns({ dirs: [s0, s2], out: join(dir, 'm-partial'), task: cmexam.answer(), partial: true });
    expect(partial.merged).toEqual({ count: 4, shards: [0, 2], missing: [1, 3] });
  });

  it('the same shard twice', async () => {
    const a = await shard('d-a', 0, 2);
    const b = await shard('d-b', 0, 2);
    const error = await rejectionOf(mergeRuns({ dirs: [a, b], out: join(dir, 'd-out'), task: cmexam.answer() }), MergeError);
    expect(error.problems).toEqual([`shard 0/2 is given twice: ${a} and ${b}`, 'shard 1/2 is missing (merge it too, or pass --partial to merge without it)']);
  });

  it('a sample in two shards (a record copied into another shard folder)', async () => {
    const a = await shard('s-a', 0, 2);
    const b = await shard('s-b', 1, 2);
    // Put shard 0's first record into shard 1's records, in position order, as a botched copy would.
    const intruder = (await jsonl(a))[0]!;
    const records = [...(await jsonl(b)), intruder].sort((x, y) => (x.position as number) - (y.position as number));
    await writeFile(join(b, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const error = await rejectionOf(mergeRuns({ dirs: [a, b], out: join(dir, 's-out'), task: cmexam.answer() }), MergeError);
    expect(error.problems).toEqual([`sample "${String(intruder.id)}" (position ${String(intruder.position)}) is in two shards: ${a} and ${b}`]);
  });

  it('shards of another data file (another fingerprint)', async () => {
    const a = await shard('f-a', 0, 2);
    const b = await shard('f-b', 1, 2);
    const c = join(dir, 'f-c');
    await cp(b, c, { recursive: true });
    const results = JSON.parse(await readFile(join(c, 'results.json'), 'utf8')) as ResultJson;
    const original = results.task.dataset.sha256;
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    results.task.dataset.sha256 = 'f'.repeat(64);
    await writeFile(join(c, 'results.json'), JSON.stringify(results));
    const error = await rejectionOf(mergeRuns({ dirs: [a, c], out: join(dir, 'f-out'), task: cmexam.answer() }), MergeError);
    expect(error.message).toContain(`${c}: data fingerprint "${'f'.repeat(64)}" differs from ${a}'s "${original}"`);
  });

  it('shards of another model, another count, or not a shard at all', async () => {
    const a = await shard('x-a', 0, 2);
    const other = fromFunction(() => '答案：A', { id: 'test:always-a' });
    const b = await shard('x-b', 1, 2, other);
    const modelError = await rejectionOf(mergeRuns({ dirs: [a, b], out: join(dir, 'x-out'), task: cmexam.answer() }), MergeError);
    expect(modelError.message).toContain(`${b}: model "test:always-a" differs from ${a}'s "test:cmexam-sometimes"`);
    const c = await shard('x-c', 1, 3);
    expect((await rejectionOf(mergeRuns({ dirs: [a, c], out: join(dir, 'x-out2'), task: cmexam.answer() }), MergeError)).message).toContain(`${c}: the number of shards 3 differs from ${a}'s 2`);
    await evaluate({ task: cmexam.answer(), model: cmexamModel, out: join(dir, 'x-whole') });
    expect((await rejectionOf(mergeRuns({ dirs: [a, join(dir, 'x-whole')], out: join(dir, 'x-out3'), task: cmexam.answer() }), MergeError)).message).toContain('x-whole: not a shard');
  });

  it('a task built under another protocol than the shards ran', async () => {
    const a = await shard('p-a', 0, 1);
    const error = await rejectionOf(mergeRuns({ dirs: [a], out: join(dir, 'p-out'), task: cmexam.answer({ protocol: 'cmexam-gpt' }) }), MergeError);
    expect(error.message).toMatch(/metric|configuration/);
  });
});
