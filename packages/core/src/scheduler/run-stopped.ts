// The typed error of a run that a broken set-up stopped: the cause as the server or the OS gave it, and what
// to check. evaluate() throws it after writing the run folder (every sample not asked is an `error` record,
// so `--cache` resumes and `medeval report` renders the folder).
import type { ModelError } from './errors.js';

export class RunStoppedError extends Error {
  /** The error that stopped the run (kind, HTTP status, the server's or the OS's message). */
  override readonly cause: ModelError;
  /** What to check, in the order most likely to help. */
  readonly hints: string[];
  constructor(cause: ModelError, hints: string[] = []) {
    super(`the run stopped: ${cause.message}${hints.length ? `\n${hints.map((h) => `  - ${h}`).join('\n')}` : ''}`, { cause });
    this.name = 'RunStoppedError';
    this.cause = cause;
    this.hints = hints;
  }
}

/**
 * What to check for an error that stopped a run, from the model's public description (never a secret).
 *
 * @example
 * stopHints(error401, { adapter: 'openai-compatible', baseURL: 'http://gpu:8000/v1', model: 'qwen' })
 * // → ['the server refused the key: set MEDEVAL_API_KEY (openai-compatible:) or OPENAI_API_KEY (openai:) …']
 */
export function stopHints(error: ModelError, model: Record<string, unknown> | undefined): string[] {
  const baseURL = typeof model?.['baseURL'] === 'string' ? (model['baseURL'] as string) : undefined;
  const name = typeof model?.['model'] === 'string' ? (model['model'] as string) : undefined;
  const where = baseURL ? ` (${baseURL})` : '';
  const hints: string[] = [];
  if (error.kind === 'permission') {
    hints.push('Deno refused access: add the flag named above (a notebook: start the kernel with it, or `deno jupyter --install --allow-net --allow-env`)');
  } else if (error.status === 401 || error.status === 403) {
    hints.push('the server refused the key: check OPENAI_API_KEY (openai:) or MEDEVAL_API_KEY (openai-compatible:, ollama:) and that it is valid for this server' + where);
  } else if (error.status === 404) {
    hints.push(`no such model or endpoint: check the model name${name ? ` "${name}"` : ''} and the base URL${where} (GET <base URL>/models lists what the server serves)`);
  } else if (error.status === 400 || error.status === 422) {
    hints.push(`the server rejected the request: check the model name${name ? ` "${name}"` : ''} and the request options (max tokens, temperature, extra body fields)`);
  } else if (/ENOTFOUND|getaddrinfo/.test(error.message)) {
    hints.push(`the host name does not resolve: check the base URL${where}`);
  } else if (error.kind === 'network') {
    hints.push(`no connection to the server${where}: is it running and listening there? check the base URL, host and port`);
  }
  return hints;
}
