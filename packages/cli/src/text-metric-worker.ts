// A worker thread of `medeval bleu` / `medeval rouge` on large inputs. Started while the main thread still reads
// the files, it waits for its job (one message), takes chunks of lines from the shared counter until none is
// left (text-slices.ts) and posts its BLEU statistics (ROUGE's scores are already in the shared columns).
import { parentPort } from 'node:worker_threads';
import { scoreChunks, type TextJob } from './commands/text-slices.js';

parentPort?.once('message', (job: TextJob) => {
  scoreChunks(job).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
