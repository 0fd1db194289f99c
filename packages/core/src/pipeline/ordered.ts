// Streams items through an async function with a bounded window of work in flight, and hands the
// results on in input order. Input order keeps records.jsonl in dataset order and makes bootstrap
// intervals (which depend on item order) identical between a resumed and an uninterrupted run.

export async function forEachOrdered<In, Out>(
  input: AsyncIterable<In> | Iterable<In>,
  window: number,
  work: (item: In) => Promise<Out>,
  emit: (result: Out) => void | Promise<void>,
): Promise<void> {
  const queue: Array<Promise<Out>> = [];
  let failure: { error: unknown } | undefined;
  try {
    for await (const item of input) {
      const pending = work(item);
      pending.catch(() => {}); // observed when it reaches the head; avoid unhandled-rejection noise
      queue.push(pending);
      while (queue.length >= window) await emit(await queue.shift()!);
    }
    while (queue.length > 0) await emit(await queue.shift()!);
  } catch (error) {
    failure = { error };
  }
  if (failure) {
    // Let work already started settle (it may be writing to a cache) before reporting the failure.
    await Promise.allSettled(queue);
    throw failure.error;
  }
}
