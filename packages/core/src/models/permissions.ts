// Deno refuses network and environment access that was not granted (`Deno.errors.NotCapable`, earlier
// `PermissionDenied`). Such an error must stop a run at once and say which flag to add — never become a
// per-sample failure that ends as accuracy 0.

const REQUIRES = /Requires (net|env|read|write|sys|run|ffi|import) access to "?([^",\s]+)"?/;

/** The `--allow-…` flag a Deno permission error asks for, or undefined for any other error. */
export function denoPermissionFlag(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const name = (current as { name?: unknown }).name;
    const message = current instanceof Error ? current.message : String(current);
    const match = REQUIRES.exec(message);
    if (name === 'NotCapable' || name === 'PermissionDenied' || match) {
      return match ? `--allow-${match[1]}=${match[2]}` : '--allow-net / --allow-env (see the message)';
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The environment as an object whose reads never throw a bare Deno permission error: a read Deno refuses
 * throws an error that names the flag (`--allow-env=OPENAI_API_KEY`).
 *
 * @example
 * const env = permissionAwareEnv(process.env); env.OPENAI_API_KEY // Deno without --allow-env: a clear error
 */
export function permissionAwareEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return new Proxy(env, {
    get(target, key) {
      try {
        return Reflect.get(target, key) as string | undefined;
      } catch (error) {
        if (typeof key !== 'string' || denoPermissionFlag(error) === undefined) throw error;
        throw new Error(`reading the environment variable ${key} needs a Deno permission: run with --allow-env=${key}`, { cause: error });
      }
    },
  });
}
