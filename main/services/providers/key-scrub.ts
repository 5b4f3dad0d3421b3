/**
 * A provider may echo the key it was sent in its error text — whole, without its `sk-` prefix,
 * URL-encoded or in base64. Every error an adapter throws has each of those forms of its own key
 * replaced before anything reads it, so the key never reaches the page, the event stream, a log line or
 * the webhook. The generic `redactSecrets` pattern stays as a second net for keys it can recognize.
 *
 * Example: key `sk-or-v1-abc…`, error "bad key YWJj…" (its base64) → "bad key [key removed]".
 */
const KEY_PREFIX =
  /^(sk-admin-|sk-proj-|sk-svcacct-|sk-ant-admin01-|sk-ant-api03-|sk-ant-|sk-or-v1-|sk-or-|sk-)/;
/** Shorter forms are left alone: they could match ordinary words. */
const MIN_FORM_LENGTH = 8;
export const KEY_REMOVED = '[key removed]';

/** The forms a key can take in echoed text, longest first. */
export function keyForms(key: string): string[] {
  const bare = key.replace(KEY_PREFIX, '');
  const noSk = key.replace(/^sk-/, '');
  const forms = new Set<string>();
  for (const k of [key, noSk, bare]) {
    forms.add(k);
    forms.add(encodeURIComponent(k));
    const b64 = Buffer.from(k, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(k, 'utf8').toString('base64url'));
  }
  return [...forms].filter((f) => f.length >= MIN_FORM_LENGTH).sort((a, b) => b.length - a.length);
}

/** `text` with every form replaced. */
export function scrubText(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(KEY_REMOVED);
  return out;
}

/** Removes the key's forms from every string an error carries (message, body, nested fields), in place. */
export function scrubError(err: unknown, forms: readonly string[], depth = 0): unknown {
  if (depth > 4 || typeof err !== 'object' || err === null) return err;
  const record = err as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(err)) {
    if (name === 'stack' || name === 'headers') continue;
    const value = record[name];
    try {
      if (typeof value === 'string') record[name] = scrubText(value, forms);
      else if (typeof value === 'object' && value !== null) scrubError(value, forms, depth + 1);
    } catch {
      // a read-only field: left as it is
    }
  }
  if (err instanceof Error && typeof err.stack === 'string') err.stack = scrubText(err.stack, forms);
  return err;
}

/** `api` whose methods throw errors without any form of `key`. */
export function withKeyScrubbed<T extends object>(api: T, key: string): T {
  const forms = keyForms(key);
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result instanceof Promise
            ? result.catch((err: unknown) => {
                throw scrubError(err, forms);
              })
            : result;
        } catch (err) {
          throw scrubError(err, forms);
        }
      };
    },
  });
}
