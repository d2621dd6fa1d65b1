// fast-check arbitraries for requests: values a JSON Schema (from the contract's zod schemas, as
// the OpenAPI document carries them) accepts, and the malformed and boundary values a hostile or
// broken client sends instead.
import fc from 'fast-check';
import type { JsonSchema } from './openapi.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Values the schema accepts, as far as its JSON Schema says. */
export function arbitraryOf(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.length) return fc.oneof(...choice.map((s) => arbitraryOf(s, depth + 1)));
  if (schema.allOf?.length) return arbitraryOf(schema.allOf[0], depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const nullable = types.includes('null');
  const type = types.find((t) => t !== 'null');
  const inner = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, arbitraryOf(s, depth + 1)]));
        return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      }
      case 'array':
        return fc.array(arbitraryOf(schema.items, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
        });
      case 'integer':
        return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 100_000, 1e9) });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringOf(schema);
      default:
        return fc.constant(null);
    }
  })();
  return nullable ? fc.option(inner, { nil: null }) : inner;
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time')
    return fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * DAY).toISOString());
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress();
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
}

const nastyStrings = [
  '\u0000',
  'before\u0000after',
  '\uD800',
  'lone \uDFFF surrogate',
  '\u202Eevil\u202C',
  '\uFEFFbom',
  'zero\u200Bwidth',
  '\u2028\u2029',
  '𝕳𝖆𝖛𝖊𝖓 😀👩🏽‍⚕️',
  'e\u0301\u0301\u0301\u0301',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '${7*7}{{7*7}}',
  'NaN',
  '-0',
  '1e309',
  ' ',
  '',
  '\t\r\n',
  '__proto__',
];

/** Strings no form would send: NUL, lone surrogates, bidi controls, injections, the empty and the huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_001, 20_001, 70_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

/** Any JSON value of the wrong type, or at a boundary. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 0.5, [], {}, [[[]]], { '': '' }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 3000 }).map((n) => deeplyNested(n)) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      nastyString.filter((s) => s.length < 100),
      fc.constant(1),
      { maxKeys: 3 },
    ),
  },
);

/** An object nested `depth` levels deep. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Replaces the `pick`-th node (in pre-order) of `value` with `replacement`. */
export function replaceNode(value: unknown, pick: number, replacement: unknown): unknown {
  let seen = 0;
  const walk = (node: unknown): unknown => {
    if (seen++ === pick) return replacement;
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  const out = walk(value);
  return seen > pick ? out : replacement;
}

/** A body for a schema: valid, valid with one node replaced by something nasty, with a key dropped or added, or nasty whole. */
export function bodyOf(schema: JsonSchema | null): fc.Arbitrary<unknown> {
  const valid = arbitraryOf(schema ?? { type: 'object' });
  return fc.oneof(
    { weight: 1, arbitrary: valid },
    {
      weight: 5,
      arbitrary: fc.tuple(valid, fc.nat({ max: 30 }), nastyValue).map(([v, pick, nasty]) => replaceNode(v, pick, nasty)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          nastyString.filter((s) => s.length < 200),
          nastyValue,
        )
        .map(([v, key, nasty]) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, [key]: nasty } : v)),
    },
    { weight: 1, arbitrary: nastyValue },
  );
}

/** Raw bodies that are not what they claim to be. */
export const rawBody = fc.constantFrom(
  '{"text":',
  '{"a":1}}',
  '\u0000\u0000',
  '{"text":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  'a=1&b=2',
  '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  '\xff\xfe\x00{',
  'null',
  '"just a string"',
  '12345',
  '',
);

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/json; charset=utf-8; boundary=',
);
