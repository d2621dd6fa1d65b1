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

/** Deeper than any request Haven takes (intake answers nest four levels). */
export const MAX_REQUEST_DEPTH = 32;

/**
 * Whether a parsed request nests objects and arrays deeper than `max`: walked without recursion,
 * because JSON.parse takes 64 KiB of `[[[[…` that a recursive walk (or a schema's) would overflow
 * the stack on, and answer with a 500.
 */
export function nestsDeeperThan(value: unknown, max = MAX_REQUEST_DEPTH): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object' || Buffer.isBuffer(node)) continue;
    if (depth >= max) return true;
    for (const inner of Object.values(node)) stack.push({ node: inner, depth: depth + 1 });
  }
  return false;
}
