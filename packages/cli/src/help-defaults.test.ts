// The defaults that --help prints per task are the ones the tasks really use (issue 11).
import { describe, expect, it } from 'vitest';
import { formatHelp } from './args/help.js';
import { spec as runSpec } from './commands/run.js';
import { spec as scoreSpec } from './commands/score.js';
import { buildTask } from './tasks.js';

describe('--help defaults per task', () => {
  it('protocol: standard for the CMExam tasks, huatuo for huatuo — as printed', async () => {
    for (const spec of [runSpec, scoreSpec]) expect(formatHelp(spec).replace(/\s+/g, ' ')).toContain('(default: standard for the CMExam tasks, huatuo for huatuo)');
    for (const name of ['cmexam', 'cmexam-explanation', 'cmexam-joint'] as const) expect((await buildTask(name, {})).protocol.name).toBe('standard');
    expect((await buildTask('huatuo', {})).protocol.name).toBe('huatuo');
  });

  it('prompt: the ids the help names are the ones chosen', async () => {
    const help = formatHelp(runSpec).replace(/\s+/g, ' ');
    expect(help).toContain('CMExam: paper under cmexam-paper, gpt-script under cmexam-gpt, few-shot with --few-shot, else zero-shot; huatuo: huatuo-qa@1');
    expect((await buildTask('cmexam', { protocol: 'cmexam-paper' })).promptId).toMatch(/^cmexam-paper-template1@1/);
    expect((await buildTask('cmexam', { protocol: 'cmexam-gpt' })).promptId).toMatch(/^cmexam-gpt-script@1/);
    expect((await buildTask('cmexam', {})).promptId).toMatch(/^cmexam-answer-zero-shot@1/);
    expect((await buildTask('huatuo', {})).promptId).toBe('huatuo-qa@1');
  });
});
