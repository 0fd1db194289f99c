// `medeval run`: evaluate a model on a task and write a run folder. With no --task it is the embedded
// default: the bundled CMExam (answers) and Huatuo samples with the offline BM25 baseline.
import { booleanOption, decimalOption, integerOption, listOption, stringOption } from '../args/values.js';
import type { CommandSpec, OptionValues, ParsedArgs } from '../args/spec.js';
import { parseShard } from '@medeval/core/internal';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { checkTaskName, TASK_NAMES, type TaskName } from '../tasks.js';
import { defaultRunFolder, evaluateTask, type EvaluateSettings } from './evaluate-task.js';
import { EVALUATION_OUTPUT_OPTIONS, JUDGE_OPTION } from '../args/shared-options.js';

export const spec: CommandSpec = {
  name: 'run',
  summary: 'evaluate a model on a task (no arguments: the offline default run)',
  usage: [
    'medeval run',
    'medeval run --task T [--data PATH|GLOB] [--model SPEC] [--protocol P] [--out DIR] [--limit N] [--concurrency N]',
    '            [--cache DIR] [--seed N] [--prompt ID] [--metric PATH|GLOB] [--timeout MS] [--judge SPEC]',
  ],
  details: [
    'With no --task, evaluates the bundled CMExam sample (answer task) and the bundled Huatuo sample with the ' +
      'offline baseline baseline:bm25, prints the tables and writes medeval-runs/<time>/{cmexam,huatuo}/. ' +
      'It needs no network and no key.',
    'Model specs: openai:<model> (OPENAI_API_KEY, OPENAI_BASE_URL), ollama:<model> (OLLAMA_HOST), ' +
      'openai-compatible:<baseURL>#<model> (vLLM, llama.cpp, LM Studio...; MEDEVAL_API_KEY if the server wants one), ' +
      'baseline:bm25, baseline:random (seeded by --seed). Keys are read from the environment and never written anywhere.',
    'A run folder holds results.json, records.jsonl, report.md and report.html. With --cache, re-running after a ' +
      'crash asks the model only for the samples that were not finished.',
  ],
  options: {
    task: { type: 'string', value: 'T', description: `task: ${TASK_NAMES.join(', ')}` },
    data: {
      type: 'string',
      value: 'PATH',
      multiple: true,
      description: 'data file(s) or glob patterns; several shards are evaluated as one dataset',
      defaultText: "the package's bundled sample",
    },
    model: { type: 'string', value: 'SPEC', description: 'model spec (see above)', defaultText: 'baseline:bm25' },
    protocol: { type: 'string', value: 'P', description: 'cmexam-paper, cmexam-gpt, huatuo, standard', defaultText: 'standard for the CMExam tasks, huatuo for huatuo' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'run folder to write', defaultText: 'medeval-runs/<time>-<task>' },
    limit: { type: 'string', value: 'N', description: 'evaluate only the first N samples' },
    concurrency: { type: 'string', short: 'j', value: 'N', description: 'requests in flight at once', defaultText: '32' },
    cache: { type: 'string', value: 'DIR', description: 'response cache folder; makes a crashed run resumable' },
    seed: { type: 'string', value: 'N', description: 'seed for baseline:random, few-shot choice and bootstrap', defaultText: '0' },
    prompt: {
      type: 'string',
      value: 'ID',
      description: "prompt id of the task's dataset package",
      defaultText: 'CMExam: paper under cmexam-paper, gpt-script under cmexam-gpt, few-shot with --few-shot, else zero-shot; huatuo: huatuo-qa@1',
    },
    corpus: { type: 'string', value: 'PATH', description: 'BM25 baseline corpus (CMExam: e.g. train.csv; Huatuo: a QA JSONL)', defaultText: 'the bundled sample, leave-one-out' },
    'few-shot': { type: 'string', value: 'K', description: 'CMExam: K examples in the prompt, picked with --seed from --train' },
    train: { type: 'string', value: 'PATH', description: 'CMExam: where few-shot examples come from (train.csv)' },
    timeout: { type: 'string', value: 'MS', description: 'per-request timeout in milliseconds (0 = none)', defaultText: '120000' },
    'max-attempts': { type: 'string', value: 'N', description: 'attempts per request, including the first', defaultText: '8' },
    'rate-limit': { type: 'string', value: 'RPM', description: 'at most RPM requests per minute' },
    columns: { type: 'string', value: 'MAP', description: 'mcq: field names of your file, e.g. question=题目,options=选项,answer=答案,id=编号' },
    answers: { type: 'string', value: 'FILE', description: "cmb: the test split's answers file (CMB-test-choice-answer.json)" },
    'slice-by': { type: 'string', value: 'FIELDS', description: 'mcq: fields of your file to slice results by, e.g. subject,year' },
    epochs: { type: 'string', value: 'K', description: 'ask every question K times: mean with SE clustered by question, maj@K, pass@K', defaultText: '1' },
    circular: { type: 'boolean', description: 'CircularEval: ask each multiple-choice question once per rotation of its options; right only if every rotation is' },
    temperature: { type: 'string', value: 'T', description: "sampling temperature sent to the model (for --epochs)", defaultText: "the task's, else the server's" },
    batch: { type: 'boolean', description: "send what --cache lacks through the provider's Batch API first (half price at OpenAI); resumable" },
    'batch-poll': { type: 'string', value: 'MS', description: 'first wait between Batch API polls (grows to 60 s)', defaultText: '5000' },
    shard: { type: 'string', value: 'I/N', description: 'evaluate shard I of N (0-based; by a hash of the sample id) into its own folder; then medeval merge' },
    'price-in': { type: 'string', value: 'USD', description: 'price per million input (prompt) tokens, for the cost in results.json and --max-cost' },
    'price-out': { type: 'string', value: 'USD', description: 'price per million output (completion, reasoning included) tokens' },
    prices: { type: 'string', value: 'FILE', description: 'price table JSON: { "<model>": { "input": USD, "output": USD } } per million tokens' },
    'max-cost': { type: 'string', value: 'USD', description: 'budget: stop sending before new requests would cost more (needs prices; resumable with --cache)' },
    'max-tokens': { type: 'string', value: 'N', description: 'budget in tokens (prompt + completion) of new requests; not the per-response max_tokens' },
    ...JUDGE_OPTION,
    ...EVALUATION_OUTPUT_OPTIONS,
  },
  examples: [
    'medeval run',
    'medeval run --task cmexam --data ./CMExam/data/test_with_annotations.csv --model openai:gpt-4o-mini --concurrency 16 --cache .medeval-cache',
    "medeval run --task huatuo --data 'shards/part-*.jsonl' --model openai-compatible:http://localhost:8000/v1#Qwen2.5-7B-Instruct",
    'medeval run --task cmexam --model baseline:random --seed 1 --metric ./my-metric.js',
  ],
};

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const { values } = args;
  const taskArg = stringOption(values, 'task');
  const settings: EvaluateSettings = {
    model: stringOption(values, 'model') ?? 'baseline:bm25',
    protocol: stringOption(values, 'protocol'),
    limit: integerOption(values, 'limit', spec.name, { min: 1 }),
    concurrency: integerOption(values, 'concurrency', spec.name, { min: 1, max: 4096 }),
    cache: stringOption(values, 'cache'),
    seed: integerOption(values, 'seed', spec.name, { min: 0 }),
    prompt: stringOption(values, 'prompt'),
    metrics: listOption(values, 'metric'),
    timeoutMs: integerOption(values, 'timeout', spec.name, { min: 0 }),
    maxAttempts: integerOption(values, 'max-attempts', spec.name, { min: 1, max: 100 }),
    rateLimit: integerOption(values, 'rate-limit', spec.name, { min: 1 }),
    quiet: booleanOption(values, 'quiet'),
    full: booleanOption(values, 'full'),
    strict: booleanOption(values, 'strict'),
    skipBadRows: booleanOption(values, 'skip-bad-rows'),
    allowEmpty: booleanOption(values, 'allow-empty'),
    overwrite: booleanOption(values, 'overwrite'),
    corpus: stringOption(values, 'corpus'),
    fewShot: fewShotOption(values),
    judge: stringOption(values, 'judge'),
    shard: shardOption(values),
    batch: booleanOption(values, 'batch'),
    batchPollMs: integerOption(values, 'batch-poll', spec.name, { min: 1 }),
    epochs: integerOption(values, 'epochs', spec.name, { min: 1, max: 1000 }),
    columns: columnsOption(values),
    answers: stringOption(values, 'answers'),
    sliceBy: stringOption(values, 'slice-by')?.split(',').map((f) => f.trim()).filter(Boolean),
    temperature: decimalOption(values, 'temperature', spec.name),
    circular: booleanOption(values, 'circular'),
    priceIn: decimalOption(values, 'price-in', spec.name),
    priceOut: decimalOption(values, 'price-out', spec.name),
    prices: stringOption(values, 'prices'),
    maxCost: decimalOption(values, 'max-cost', spec.name, { positive: true }),
    maxTokens: integerOption(values, 'max-tokens', spec.name, { min: 1 }),
  };
  checkModelSpec(settings.model);
  const out = stringOption(values, 'out');
  const data = listOption(values, 'data');

  if (taskArg === undefined) {
    if (data.length > 0) throw new UsageError('--data needs --task (which task is the file for?)', spec.name);
    if (settings.prompt !== undefined) throw new UsageError('--prompt needs --task', spec.name);
    if (settings.judge !== undefined) throw new UsageError('--judge needs --task (cmexam, cmexam-joint, cmexam-explanation or huatuo)', spec.name);
    const root = out ?? (await defaultRunFolder(io.cwd, undefined));
    const tasks: TaskName[] = ['cmexam', 'huatuo'];
    let exitCode = 0;
    for (const task of tasks) {
      const code = await evaluateTask(io, { ...settings, task, data: [], out: `${root}/${task}`, command: spec.name });
      exitCode = Math.max(exitCode, code);
    }
    io.stdout.write(`\nRun folders: ${root}/cmexam and ${root}/huatuo\n`);
    return exitCode;
  }
  const task = checkTaskName(taskArg, spec.name);
  const folder = out ?? (await defaultRunFolder(io.cwd, task));
  return evaluateTask(io, { ...settings, task, data, out: folder, command: spec.name });
}

function columnsOption(values: OptionValues): Partial<Record<'question' | 'options' | 'answer' | 'id', string>> | undefined {
  const text = stringOption(values, 'columns');
  if (text === undefined) return undefined;
  const out: Partial<Record<'question' | 'options' | 'answer' | 'id', string>> = {};
  for (const pair of text.split(',')) {
    const [ours, theirs] = pair.split('=').map((x) => x?.trim());
    if (!ours || !theirs || !['question', 'options', 'answer', 'id'].includes(ours)) {
      throw new UsageError(`--columns "${pair}": expected FIELD=COLUMN with FIELD one of question, options, answer, id`, spec.name);
    }
    out[ours as 'question'] = theirs;
  }
  return out;
}

function shardOption(values: OptionValues): { index: number; count: number } | undefined {
  const text = stringOption(values, 'shard');
  if (text === undefined) return undefined;
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new UsageError(`--shard ${shard}`, spec.name);
  return shard;
}

/** The spec's form is checked before any data is read; the adapter checks the rest (URL, key). */
function checkModelSpec(model: string): void {
  if (!/^(openai|ollama|openai-compatible|baseline):\S/.test(model)) {
    throw new UsageError(
      `--model: model spec "${model}" is not one of openai:<model>, ollama:<model>, openai-compatible:<baseURL>#<model>, baseline:bm25, baseline:random`,
      spec.name,
    );
  }
}

function fewShotOption(values: OptionValues): { k: number; data: string } | undefined {
  const k = integerOption(values, 'few-shot', spec.name, { min: 1, max: 20 });
  const train = stringOption(values, 'train');
  if (k === undefined && train === undefined) return undefined;
  // CMMLU takes its examples from the dev split of its own data folder.
  if (stringOption(values, 'task') === 'cmmlu-medical') {
    if (train !== undefined) throw new UsageError('--train is not for cmmlu-medical: its examples come from the dev split of --data', spec.name);
    return { k: k ?? 5, data: '' };
  }
  if (train === undefined) throw new UsageError('--few-shot needs --train PATH (the file the examples come from)', spec.name);
  return { k: k ?? 3, data: train };
}
