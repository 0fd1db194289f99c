// Every command, with the one-line summary shown by `medeval --help` and a lazy loader.
import type { CommandModule } from './command.js';

export interface CommandEntry {
  /** Words after `medeval`, e.g. ['datasets', 'download']. */
  words: string[];
  summary: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: CommandEntry[] = [
  { words: ['run'], summary: 'evaluate a model on a task (no arguments: the offline default run)', load: () => import('./run.js') },
  { words: ['score'], summary: 'score existing model outputs (JSON Lines) without a model', load: () => import('./score.js') },
  { words: ['merge'], summary: 'merge the run folders of the shards of one run (run --shard I/N) into one', load: () => import('./merge.js') },
  { words: ['compare'], summary: 'compare run folders on their common samples, with paired significance', load: () => import('./compare.js') },
  { words: ['report'], summary: 're-render a run folder as Markdown, HTML or JSON', load: () => import('./report.js') },
  { words: ['bleu'], summary: 'corpus BLEU of a hypothesis file against a reference file (sacrebleu-compatible)', load: () => import('./bleu.js') },
  { words: ['rouge'], summary: 'ROUGE-1/2/L of a hypothesis file against a reference file (rouge-score-compatible)', load: () => import('./rouge.js') },
  { words: ['batch', 'export'], summary: "write a run's requests as a Batch API input file (OpenAI, Azure, vllm run-batch)", load: () => import('./batch-export.js') },
  { words: ['batch', 'import'], summary: 'load Batch API output into the response cache; then run --cache sends nothing', load: () => import('./batch-import.js') },
  { words: ['datasets', 'download'], summary: 'download a dataset (cmexam, huatuo) with checksums into a local cache', load: () => import('./datasets-download.js') },
];

/** The command named at the start of argv, and the arguments after its name. */
export function findCommand(argv: readonly string[]): { entry: CommandEntry; rest: string[] } | undefined {
  for (const entry of COMMANDS) {
    if (entry.words.every((word, i) => argv[i] === word)) return { entry, rest: argv.slice(entry.words.length) };
  }
  return undefined;
}
