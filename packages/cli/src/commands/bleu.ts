// `medeval bleu`: corpus BLEU of a file of hypotheses against a file of references, like sacrebleu's
// command line. Only @medeval/metrics/corpus is loaded (no zod or core; jieba only with --tokenize jieba), so it starts fast.
import { resolve } from 'node:path';
import { choiceOption, booleanOption, integerOption, listOption, requiredString } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import type { CliIO } from '../io.js';
import { checkSameLength, fileBytes, readLineFiles, type LineFile } from './line-files.js';
import { startTextThreads, stopTextThreads, textThreads } from './text-parallel.js';
import { BLEU_TOKENIZERS, bleuIsThreaded, computeBleu, formatBleu, TEXT_PROTOCOLS } from './text-metrics.js';

export const spec: CommandSpec = {
  name: 'bleu',
  summary: 'corpus BLEU of a hypothesis file against a reference file (sacrebleu-compatible)',
  usage: ['medeval bleu --hyp FILE --ref FILE [--ref FILE2 ...] [--tokenize zh|char|jieba|13a|intl|none] [--protocol P] [--json]'],
  details: [
    'Line i of --hyp is scored against line i of each --ref file; an empty line is an empty text. ' +
      "The default is sacrebleu's corpus_bleu (4-gram, exp smoothing, tokenize zh). " +
      '--protocol picks the BLEU of a named protocol instead: cmexam-paper (tensorflow/nmt BLEU-4 on characters), ' +
      "cmexam-gpt (the same on jieba words), huatuo (nltk corpus_bleu BLEU-4 on characters), standard (sacrebleu, zh).",
  ],
  options: {
    hyp: { type: 'string', value: 'FILE', description: 'hypotheses (system outputs), one per line' },
    ref: { type: 'string', value: 'FILE', multiple: true, description: 'references, one per line; repeat for several references per line' },
    tokenize: { type: 'string', value: 'TOK', description: `tokenizer: ${BLEU_TOKENIZERS.join(', ')}`, defaultText: 'zh' },
    protocol: { type: 'string', value: 'P', description: `${TEXT_PROTOCOLS.join(', ')}`, defaultText: 'standard' },
    json: { type: 'boolean', description: 'print {"score","counts","totals","bp","sys_len","ref_len","signature"} as JSON' },
    workers: {
      type: 'string',
      value: 'N',
      description: 'threads for large inputs, this one included (exact same result; 1 = none)',
      defaultText: 'one per 2.5 MB of hypotheses, at most the cores and 4',
    },
  },
  examples: [
    'medeval bleu --hyp outputs.txt --ref references.txt',
    'medeval bleu --hyp outputs.txt --ref references.txt --tokenize char --json',
  ],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const hypPath = requiredString(args.values, 'hyp', spec.name);
  const refPaths = listOption(args.values, 'ref');
  if (refPaths.length === 0) requiredString(args.values, 'ref', spec.name);
  const tokenize = choiceOption(args.values, 'tokenize', spec.name, BLEU_TOKENIZERS);
  const protocol = choiceOption(args.values, 'protocol', spec.name, TEXT_PROTOCOLS);
  const cwdPath = (p: string) => resolve(io.cwd, p);
  const requested = integerOption(args.values, 'workers', spec.name, { min: 1, max: 64 });
  // Worker threads start first and load their modules while the files are read.
  const threads = startTextThreads(bleuIsThreaded(protocol) ? textThreads(await fileBytes(cwdPath(hypPath)), requested, io.env) : 1);
  let result;
  try {
    const [hyp, ...refs] = (await readLineFiles(
      [{ path: cwdPath(hypPath), flag: '--hyp', shown: hypPath }, ...refPaths.map((path) => ({ path: cwdPath(path), flag: '--ref', shown: path }))],
      spec.name,
    )) as [LineFile, ...LineFile[]];
    for (const ref of refs) checkSameLength(hyp, ref);
    result = await computeBleu(hyp, refs, { tokenize, protocol, threads, signal: io.signal });
  } finally {
    await stopTextThreads(threads);
  }
  io.stdout.write(booleanOption(args.values, 'json') ? `${JSON.stringify(result, null, 1)}\n` : formatBleu(result));
  return 0;
}
