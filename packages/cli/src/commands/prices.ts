// What tokens cost, for `run`: --price-in / --price-out (per million tokens), or a price table file
// (--prices FILE) looked up by the model's name. No prices are built in: they change too often to ship.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InputError, UsageError } from '../errors.js';

export interface Prices {
  input: number;
  output: number;
  currency?: string;
}

const price = z.number().nonnegative();
const entrySchema = z.object({ input: price, output: price, currency: z.string().min(1).optional() }).strict();
const tableSchema = z.record(z.string(), entrySchema);

/**
 * The prices of a run. --price-in and --price-out go together; a table maps a model spec (`openai:gpt-4o`)
 * or a bare model name (`gpt-4o`, the part after `openai:`, `ollama:` or `#`) to `{ input, output, currency? }`.
 *
 * @example
 * // prices.json: { "gpt-4o-mini": { "input": 0.15, "output": 0.6 } }
 * await pricesFor({ table: 'prices.json', model: 'openai:gpt-4o-mini', cwd, command: 'run' }) // → { input: 0.15, output: 0.6 }
 */
export async function pricesFor(options: {
  priceIn: number | undefined;
  priceOut: number | undefined;
  table: string | undefined;
  model: string;
  cwd: string;
  command: string;
}): Promise<Prices | undefined> {
  const { priceIn, priceOut, table, model, command } = options;
  if ((priceIn === undefined) !== (priceOut === undefined)) {
    throw new UsageError('--price-in and --price-out go together (USD per million input and output tokens)', command);
  }
  if (priceIn !== undefined && table !== undefined) throw new UsageError('give either --price-in/--price-out or --prices FILE, not both', command);
  if (priceIn !== undefined) return { input: priceIn, output: priceOut! };
  if (table === undefined) return undefined;
  const path = resolve(options.cwd, table);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`--prices ${table}: no such file`, command);
    throw new InputError(`${table}: cannot read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${table}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${table}: ${issue.path.join('.') || 'the table'}: ${issue.message} (expected { "<model>": { "input": USD per million, "output": USD per million } })`);
  }
  const name = modelName(model);
  const entry = parsed.data[model] ?? parsed.data[name];
  if (!entry) {
    throw new InputError(`${table}: no price for model "${name}" (the table has: ${Object.keys(parsed.data).join(', ') || 'nothing'})`);
  }
  return entry;
}

/** `openai:gpt-4o` → `gpt-4o`; `openai-compatible:http://h/v1#qwen` → `qwen`. */
export function modelName(spec: string): string {
  const hash = spec.lastIndexOf('#');
  if (spec.startsWith('openai-compatible:') && hash !== -1) return spec.slice(hash + 1);
  const colon = spec.indexOf(':');
  return colon === -1 ? spec : spec.slice(colon + 1);
}
