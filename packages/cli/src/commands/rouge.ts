// `medeval rouge`: ROUGE-1/2/L of a file of hypotheses against a file of references. The default is
// rouge-score's F-measure on characters averaged over lines, on the 0–100 scale.
import { resolve } from 'node:path';
import { booleanOption, choiceOption, integerOption, requiredString } from '../args/values.js';
import type { CommandSpec, ParsedArgs } from '../args/spec.js';
import type { CliIO } from '../io.js';
import { checkSameLength, fileBytes, readLineFiles, type LineFile } from './line-files.js';
import { startTextThreads, stopTextThreads, textThreads } from './text-parallel.js';
import { computeRouge, formatRouge, ROUGE_TOKENIZERS, rougeIsThreaded, TEXT_PROTOCOLS } from './text-metrics.js';

export const spec: CommandSpec = {
  name: 'rouge',
  summary: 'ROUGE-1/2/L of a hypothesis file against a reference file (rouge-score-compatible)',
  usage: ['medeval rouge --hyp FILE --ref FILE [--tokenize char|jieba|zh|13a|none] [--protocol P] [--json]'],
  details: [
    "Line i of --hyp is scored against line i of --ref; an empty line is an empty text. The default is rouge-score's " +
      'ROUGE-1, ROUGE-2 and ROUGE-L (precision, recall, F) per line on characters, averaged over lines, times 100. ' +
      '--protocol picks the ROUGE of a named protocol: cmexam-paper / cmexam-gpt (tensorflow/nmt ROUGE on character sets), ' +
      "huatuo (rouge-score on characters), standard (the default).",
  ],
  options: {
    hyp: { type: 'string', value: 'FILE', description: 'hypotheses (system outputs), one per line' },
    ref: { type: 'string', value: 'FILE', description: 'references, one per line' },
    tokenize: { type: 'string', value: 'TOK', description: `tokenizer: ${ROUGE_TOKENIZERS.join(', ')}`, defaultText: 'char' },
    protocol: { type: 'string', value: 'P', description: `${TEXT_PROTOCOLS.join(', ')}`, defaultText: 'standard' },
    json: { type: 'boolean', description: 'print {"rouge1":{"p","r","f"},"rouge2":{...},"rougeL":{...},"signature"} as JSON' },
    workers: {
      type: 'string',
      value: 'N',
      description: 'threads for large inputs, this one included (exact same result; 1 = none)',
      defaultText: 'one per 2.5 MB of hypotheses, at most the cores and 4',
    },
  },
  examples: [
    'medeval rouge --hyp outputs.txt --ref references.txt',
    'medeval rouge --hyp outputs.txt --ref references.txt --tokenize jieba --json',
  ],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const hypPath = requiredString(args.values, 'hyp', spec.name);
  const refPath = requiredString(args.values, 'ref', spec.name);
  const tokenize = choiceOption(args.values, 'tokenize', spec.name, ROUGE_TOKENIZERS);
  const protocol = choiceOption(args.values, 'protocol', spec.name, TEXT_PROTOCOLS);
  const requested = integerOption(args.values, 'workers', spec.name, { min: 1, max: 64 });
  // Worker threads start first and load their modules while the files are read.
  const threaded = rougeIsThreaded(protocol, tokenize);
  const threads = startTextThreads(threaded ? textThreads(await fileBytes(resolve(io.cwd, hypPath)), requested, io.env) : 1);
  let result;
  try {
    const [hyp, ref] = (await readLineFiles(
      [
        { path: resolve(io.cwd, hypPath), flag: '--hyp', shown: hypPath },
        { path: resolve(io.cwd, refPath), flag: '--ref', shown: refPath },
      ],
      spec.name,
    )) as [LineFile, LineFile];
    checkSameLength(hyp, ref);
    result = await computeRouge(hyp, ref, { tokenize, protocol, threads, signal: io.signal });
  } finally {
    await stopTextThreads(threads);
  }
  io.stdout.write(booleanOption(args.values, 'json') ? `${JSON.stringify(result, null, 1)}\n` : formatRouge(result));
  return 0;
}
