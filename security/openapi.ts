// The HTTP API as the proof suites see it: every operation of the OpenAPI document the server
// generates from the contract's zod schemas, and a valid-looking example of each request schema.
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../apps/server/src/testing/test-app.ts';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: JsonSchema };

export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the document writes it: `/api/rooms/{roomId}`. */
  path: string;
  /** `METHOD path`, the key of the classification tables. */
  key: string;
  pathParams: string[];
  query: Parameter[];
  /** The JSON request body's schema, when the route takes one. */
  body: JsonSchema | null;
};

type Document = {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
};

/** Every operation in the running server's OpenAPI document (GET /api/openapi.json). */
export async function operationsOf(app: TestApp): Promise<Operation[]> {
  const response = await app.http.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}`);
  const document = response.json<Document>();
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase() as Operation['method'];
      const parameters = operation.parameters ?? [];
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: parameters.filter((p) => p.in === 'query'),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** `/api/rooms/{roomId}` with its parameters filled in (encoded). */
export function urlOf(operation: Operation, params: Record<string, string>, query: Record<string, string> = {}): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

const TWO_DAYS = 2 * 24 * 60 * 60 * 1000;

/** A value the schema accepts, as far as its JSON Schema says (zod refinements are not in it). */
export function exampleOf(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.length) return exampleOf(choice.find((s) => s.type !== 'null') ?? choice[0], name);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, name) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = exampleOf(schema.properties?.[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items, name));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return exampleString(schema, name);
    default:
      return null;
  }
}

function exampleString(schema: JsonSchema, name: string): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return new Date(Date.now() + TWO_DAYS).toISOString();
  if (schema.format === 'date') return '1990-01-01';
  if (schema.format === 'email') return `matrix.${randomUUID().slice(0, 8)}@example.org`;
  if (/password/i.test(name)) return 'granite harbour lantern 4417';
  const text = 'Checked by the access matrix';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 10_000;
  return (text.length >= min ? text : text.padEnd(min, '.')).slice(0, Math.max(min, Math.min(max, text.length)));
}

/** Example values of an operation's query parameters: the required ones only. */
export function exampleQuery(operation: Operation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const parameter of operation.query) {
    if (parameter.required) query[parameter.name] = String(exampleOf(parameter.schema, parameter.name));
  }
  return query;
}
