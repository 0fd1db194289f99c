// Every command answers --help with exit 0; usage errors exit 2 with a message and no stack trace.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, medeval } from './helpers.js';

const COMMANDS = ['run', 'score', 'compare', 'report', 'bleu', 'rouge', 'datasets download'];

beforeAll(assertBuilt);

describe('medeval --help', () => {
  it('lists every command', async () => {
    const result = await medeval(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command);
  });

  it.each(COMMANDS)('medeval %s --help exits 0 and shows usage and options', async (command) => {
    const result = await medeval([...command.split(' '), '--help']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`medeval ${command}`);
    expect(result.stdout).toContain('Usage:');
    expect(result.stdout).toContain('--help');
    expect(result.stdout).toMatch(/Exit codes: 0 success, 1 bad input/);
  });

  it('prints the version', async () => {
    const result = await medeval(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('usage errors exit 2', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no command', [], /Usage: medeval <command>/],
    ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['datasets without a subcommand', ['datasets'], /needs a subcommand: download/],
    ['unknown flag, with a suggestion', ['bleu', '--hpy', 'a.txt'], /unknown option --hpy \(did you mean --hyp\?\)/],
    ['missing required flag', ['bleu', '--hyp', 'a.txt'], /missing required option --ref/],
    ['flag without its value', ['run', '--task'], /--task needs a value/],
    ['unknown task', ['run', '--task', 'medqa'], /unknown task "medqa"; tasks: cmexam, cmexam-explanation, cmexam-joint, huatuo/],
    ['bad integer', ['run', '--task', 'cmexam', '--limit', 'ten'], /--limit must be an integer, got "ten"/],
    ['bad tokenizer', ['bleu', '--hyp', 'a', '--ref', 'b', '--tokenize', 'spacy'], /--tokenize must be one of/],
    ['glob matching nothing', ['run', '--task', 'cmexam', '--data', 'nowhere/*.csv'], /--data nowhere\/\*\.csv: the pattern matches no file/],
    ['missing file', ['bleu', '--hyp', 'no-such-file.txt', '--ref', 'package.json'], /--hyp no-such-file\.txt: no such file/],
    ['compare with one run', ['compare', 'packages'], /compare needs at least two run folders/],
    ['bad model spec', ['run', '--task', 'cmexam', '--model', 'gpt-4', '--limit', '1'], /--model: model spec "gpt-4"/],
    ['protocol of another task', ['run', '--task', 'cmexam', '--protocol', 'huatuo'], /--protocol huatuo does not apply to task cmexam; choose one of: standard, cmexam-paper, cmexam-gpt/],
    ['unknown protocol', ['score', '--task', 'huatuo', '--protocol', 'nope', '--predictions', 'package.json', '--out', '.tmp/x'], /--protocol nope does not apply to task huatuo/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const result = await medeval(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe('');
  });
});
