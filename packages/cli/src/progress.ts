// Progress of a long run on stderr (stdout stays clean for tables and --json):
// - a terminal gets a bar redrawn in place: done/total, rate, ETA, retries, errors;
// - a pipe or file gets a plain line now and then (each 10% or 15 s);
// - CI (CI=true) or MEDEVAL_PROGRESS=quiet gets only the final line.
import type { Progress } from '@medeval/core';

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface ProgressReporter {
  readonly mode: ProgressMode;
  update(progress: Progress): void;
  /** Writes the final line; safe to call more than once. */
  finish(progress?: Progress): void;
}

/**
 * How progress shows: `bar` on a terminal, `lines` in a pipe, `quiet` under CI; MEDEVAL_PROGRESS overrides.
 *
 * @example
 * progressMode(process.stderr, { CI: 'true' }); // 'quiet'
 */
export function progressMode(stream: ProgressStream, env: Record<string, string | undefined>): ProgressMode {
  const forced = env.MEDEVAL_PROGRESS;
  if (forced === 'bar' || forced === 'lines' || forced === 'quiet') return forced;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return 'quiet';
  if (stream.isTTY && env.TERM !== 'dumb') return 'bar';
  return 'lines';
}

/**
 * A progress reporter on a stream: a bar on a terminal, lines in a pipe, nothing under CI.
 *
 * @example
 * const progress = createProgress({ stream: process.stderr, env: process.env, label: 'run' });
 * await evaluate({ task, model, onProgress: (p) => progress.update(p) });
 * progress.finish();
 */
export function createProgress(options: {
  stream: ProgressStream;
  env: Record<string, string | undefined>;
  label: string;
  now?: () => number;
}): ProgressReporter {
  const { stream, label } = options;
  const now = options.now ?? Date.now;
  const mode = progressMode(stream, options.env);
  let last: Progress | undefined;
  let lastDraw = 0;
  let lastDecile = -1;
  let finished = false;

  return {
    mode,
    update(progress) {
      last = progress;
      if (finished || mode === 'quiet') return;
      const t = now();
      if (mode === 'bar') {
        if (t - lastDraw < 80 && progress.done !== progress.total) return;
        lastDraw = t;
        const width = Math.max(20, (stream.columns ?? 80) - 1);
        stream.write(`\r\x1b[2K${fit(barLine(label, progress), width)}`);
        return;
      }
      if (progress.done === 0) return; // nothing to say yet
      const decile = progress.total ? Math.floor((progress.done / progress.total) * 10) : -1;
      if (decile > lastDecile || t - lastDraw >= 15_000) {
        lastDecile = Math.max(lastDecile, decile);
        lastDraw = t;
        stream.write(`${textLine(label, progress)}\n`);
      }
    },
    finish(progress) {
      if (finished) return;
      finished = true;
      const final = progress ?? last;
      if (mode === 'bar') stream.write('\r\x1b[2K');
      if (final) stream.write(`${textLine(label, final)} — done\n`);
    },
  };
}

function barLine(label: string, p: Progress): string {
  const fraction = p.total ? Math.min(1, p.done / p.total) : 0;
  const slots = 24;
  const filled = Math.round(fraction * slots);
  const bar = p.total ? `[${'█'.repeat(filled)}${'░'.repeat(slots - filled)}] ` : '';
  return `${label} ${bar}${stats(p)}`;
}

function textLine(label: string, p: Progress): string {
  return `${label}: ${stats(p)}`;
}

function stats(p: Progress): string {
  const parts = [p.total ? `${p.done}/${p.total} (${Math.floor((p.done / p.total) * 100)}%)` : `${p.done}`];
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.done / seconds : 0;
  parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s`);
  if (p.total && rate > 0 && p.done < p.total) parts.push(`ETA ${duration((p.total - p.done) / rate)}`);
  else parts.push(`elapsed ${duration(seconds)}`);
  if (p.cached) parts.push(`cached ${p.cached}`);
  if (p.retries) parts.push(`retries ${p.retries}`);
  if (p.errors) parts.push(`errors ${p.errors}`);
  return parts.join('  ');
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
