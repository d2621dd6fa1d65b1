/**
 * Where a request holds text PostgreSQL cannot store: a NUL character (U+0000), which `text` and
 * `jsonb` both refuse. One rule for every route, so no free-text field can turn into a 500.
 * Returns the dotted path of the first such string or key (`''` for the value itself), or null.
 */
export function findUnstorable(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = at ? `${at}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = findUnstorable(inner, here);
    if (found !== null) return found;
  }
  return null;
}
