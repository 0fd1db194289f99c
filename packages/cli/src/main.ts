// Dispatch: find the command, parse its flags, run it, and turn whatever it throws into an exit code.
import { readFileSync } from 'node:fs';
import { formatHelp } from './args/help.js';
import { parseCommand } from './args/parse.js';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, reportError, UsageError } from './errors.js';
import { processIO, type CliIO } from './io.js';
import { COMMANDS, findCommand } from './commands/registry.js';

/**
 * Runs `medeval <argv...>` and resolves to its exit code. Never calls process.exit.
 *
 * @example
 * const io = memoryIO({ cwd: process.cwd() });
 * const code = await main(['bleu', '--hyp', 'hyp.txt', '--ref', 'ref.txt', '--json'], io);
 * console.log(code, io.out());
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const debug = Boolean(io.env.MEDEVAL_DEBUG && io.env.MEDEVAL_DEBUG !== '0');
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      const helpFor = argv[0] === 'help' ? findCommand(argv.slice(1)) : undefined;
      if (helpFor) {
        io.stdout.write(formatHelp((await helpFor.entry.load()).spec));
        return EXIT_OK;
      }
      (argv.length === 0 ? io.stderr : io.stdout).write(topLevelHelp());
      return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
    }
    if (argv[0] === '--version' || argv[0] === '-V') {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    const found = findCommand(argv);
    if (!found) {
      const group = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === argv[0]);
      if (group.length > 0) {
        throw new UsageError(`'medeval ${argv[0]}' needs a subcommand: ${group.map((c) => c.words.slice(1).join(' ')).join(', ')}`);
      }
      throw new UsageError(`unknown command '${argv[0]}'; commands: ${COMMANDS.map((c) => c.words.join(' ')).join(', ')}`);
    }
    const command = await found.entry.load();
    const parsed = parseCommand(command.spec, found.rest);
    if (parsed === 'help') {
      io.stdout.write(formatHelp(command.spec));
      return EXIT_OK;
    }
    return (await command.run(parsed, io)) ?? EXIT_OK;
  } catch (error) {
    if (io.signal?.aborted) {
      // Only commands that ask a model keep records and can resume; the others just stop.
      const asksModel = argv[0] === 'run' || argv[0] === 'score';
      io.stderr.write(asksModel ? `medeval: interrupted. Records written so far are kept. ${resumeHint(argv)}\n` : 'medeval: interrupted.\n');
      return EXIT_INTERRUPTED;
    }
    const report = reportError(error, { debug });
    io.stderr.write(report.message);
    return report.exitCode;
  }
}

/** How to go on after Ctrl-C: resuming needs a cache; without one, say how to get one. */
export function resumeHint(argv: readonly string[]): string {
  const at = argv.findIndex((a) => a === '--cache' || a.startsWith('--cache='));
  if (at === -1) return 'Nothing can be resumed without a cache: run again with --cache DIR to keep answers across runs.';
  const dir = argv[at]!.includes('=') ? argv[at]!.slice('--cache='.length) : argv[at + 1];
  return `To resume, run the same command again: --cache ${dir ?? 'DIR'} has every answer received, only the rest is asked.`;
}

function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.words.join(' ').length)) + 2;
  const lines = [
    'medeval — evaluate LLMs on Chinese medical benchmarks (CMExam, Huatuo-26M)',
    '',
    'Usage: medeval <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(width)}${c.summary}`),
    '',
    "Run 'medeval <command> --help' for a command's options. 'medeval run' alone evaluates the bundled",
    'CMExam and Huatuo samples with an offline BM25 baseline (no network, no key).',
    '',
    'Exit codes: 0 success, 1 bad input (the message names the file and line), 2 usage error.',
  ];
  return `${lines.join('\n')}\n`;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
