// Secrets must never reach a file, a log or a report: every message an adapter surfaces goes through here.

/** Replaces the secret, and anything that looks like an API key a server echoed back, with "***". */
export function redact(message: string, secret?: string | null): string {
  let out = message;
  if (secret && secret.length >= 4) out = out.split(secret).join('***');
  // Servers sometimes echo a masked key ("Incorrect API key provided: sk-abc***xyz"); drop it whole.
  return out.replace(/\b(sk|rk|pk|key)-[A-Za-z0-9_\-*.]{4,}/g, '***');
}

/** A URL for display and identity: credentials, query and fragment removed, no trailing slash. */
export function publicUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/+$/, '');
  } catch {
    return url.replace(/\/+$/, '');
  }
}
