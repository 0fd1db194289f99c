// A minimal OpenAI-compatible chat server for benchmarks, run in its own process so that its event
// loop does not share time with the engine being measured. Prints "PORT <n>" when listening.
// usage: node server.mjs <latencyMs> [<capacity>]
// capacity: at most this many requests are worked on at once, the rest wait in a queue (a GPU server with a
// batch limit, or Ollama's OLLAMA_NUM_PARALLEL); default unlimited.
import { createServer } from 'node:http';

const latencyMs = Number(process.argv[2] ?? 20);
const capacity = Number(process.argv[3] ?? Infinity);
let requests = 0;
let busy = 0;
const waiting = [];
const work = (fn) => {
  const run = () => {
    busy++;
    setTimeout(() => {
      fn();
      busy--;
      if (waiting.length) waiting.shift()();
    }, latencyMs);
  };
  if (busy < capacity) run();
  else waiting.push(run);
};
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    requests++;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const question = body.messages?.at(-1)?.content ?? '';
    const i = Number(/Q(\d+)/.exec(question)?.[1] ?? 0);
    work(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `b${requests}`,
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: 'ABCD'[i % 4] }, finish_reason: 'stop' }],
        }),
      );
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`));
process.on('message', (m) => {
  if (m === 'count') process.send?.({ requests });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
