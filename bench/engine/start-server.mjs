// Starts bench/engine/server.mjs in its own process and resolves to its base URL once it listens.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** @param {number} latencyMs @param {number} [capacity] requests worked on at once (default: no limit) */
export async function startServer(latencyMs, capacity = Infinity) {
  const args = [String(latencyMs), ...(Number.isFinite(capacity) ? [String(capacity)] : [])];
  const server = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => {
      const m = /PORT (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/v1`, stop: () => server.kill('SIGTERM') };
}
