/**
 * A hostile sweep over every operation in the tool's `/api/openapi.json`: fast-check draws requests
 * from the documented schemas, then spoils them (no token, someone else's token, broken tokens,
 * hostile path ids, NUL and unpaired surrogates, wrong types, malformed or oversized bodies, wrong
 * content types, foreign origins, HEAD). Every answer must be below 500 and no error may show a
 * stack, a file path or the database's own words.
 */
import fc from 'fast-check';
import { internalsIn, type CallerName, type World } from './world.ts';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
  query: Array<{ name: string; schema: Schema }>;
  body?: Schema;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Array<{ name: string; in: string; schema: Schema }>;
        requestBody?: { content: { 'application/json': { schema: Schema } } };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

export interface SweepRequest {
  operationId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface SweepResult {
  requests: number;
  operations: number;
  byStatus: Map<number, number>;
  /** Answers ≥ 500, and error answers showing internals, with the request that drew them. */
  failures: Array<{ status: number; request: SweepRequest; answer: string; why: string }>;
  seconds: number;
}

/** Strings no field should be harmed by. */
const HOSTILE_STRINGS = [
  '\0',
  'a\0b',
  '\uD800',
  'x\uDFFFy',
  "' OR '1'='1",
  '"; DROP TABLE clips; --',
  '$1',
  ':id',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%E0%A4%A',
  '${7*7}{{7*7}}',
  '\u202Egnp.exe',
  '😀'.repeat(40),
  '__proto__',
  '',
  ' ',
  'x'.repeat(5_000),
];
const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  Number.MAX_VALUE,
  2 ** 63,
  true,
  [],
  {},
  { $gt: '' },
  ['\0'],
  { __proto__: { a: 1 } },
];

/** Path segments as they go on the wire (already escaped, or broken on purpose). */
const HOSTILE_SEGMENTS = [
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  'a%00b',
  '%F0%9F%98%80',
  '..%2F..%2Fetc',
  '%2F',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('$1'),
  'x'.repeat(65),
  'y'.repeat(3_000),
  'null',
  '0',
  '-1',
];

/** Escapes a query value; an unpaired surrogate goes as the bytes a careless client would send. */
function escapeQuery(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '')) + '%ED%A0%80';
  }
}

function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json'].schema,
      });
    }
  }
  return ops;
}

/** Values drawn from a documented schema, real ids where a field names one, sometimes hostile. */
function fromSchema(doc: OpenApi, world: World, schema: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const ids = Object.values(world.ids);
  const personIds = Object.values(world.personIds);
  const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_VALUES));
  const plain = (): fc.Arbitrary<unknown> => {
    if (schema.$ref) return fromSchema(doc, world, doc.components.schemas[schema.$ref.split('/').pop()!]!, name, depth);
    const choices = schema.oneOf ?? schema.anyOf;
    if (choices) return fc.oneof(...choices.map((s) => fromSchema(doc, world, s, name, depth)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string':
        if (schema.format === 'date-time')
          return fc
            .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
            .map((t) => new Date(t).toISOString());
        if (schema.format === 'uuid') return fc.uuid();
        if (schema.pattern) return fc.constantFrom('2026-05-01', '2026-13-45');
        if (/personId|menteeId|ownerId|coachId/.test(name)) return fc.constantFrom(...personIds);
        if (/Id$|Ids$/.test(name)) return fc.constantFrom(...ids);
        if (/url|links/i.test(name)) return fc.constantFrom('https://readings.example.org/a', 'javascript:alert(1)');
        if (name === 'code') return fc.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        return fc.string({ minLength: 1, maxLength: 40 });
      case 'integer':
      case 'number':
        return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1_000, 1_000) });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(fromSchema(doc, world, schema.items ?? {}, name, depth + 1), {
              maxLength: Math.min(schema.maxItems ?? 3, 3),
            });
      case 'object': {
        if (depth > 3) return fc.constant({});
        const props = Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([k, s]) => [k, fromSchema(doc, world, s, k, depth + 1)]),
        );
        return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  const base = plain();
  const withNull = schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
  // Mostly what the schema allows, so requests reach the services; now and then a hostile value.
  return fc.oneof({ arbitrary: withNull, weight: 14 }, { arbitrary: hostile, weight: 1 });
}

const CALLERS: Array<CallerName | 'none' | 'garbage' | 'forged-extension' | 'basic'> = [
  'staff',
  'staff',
  'mentor',
  'mentor',
  'mentor',
  'mentee',
  'mentee',
  'mentee',
  'mentee',
  'extension',
  'extension',
  'extension',
  'outsider',
  'none',
  'garbage',
  'forged-extension',
  'basic',
];

function authorization(world: World, caller: (typeof CALLERS)[number]): string | undefined {
  switch (caller) {
    case 'none':
      return undefined;
    case 'garbage':
      return 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
    case 'forged-extension':
      return "Bearer mwx_' OR '1'='1";
    case 'basic':
      return 'Basic YWRtaW46YWRtaW4=';
    default:
      return `Bearer ${world.tokens[caller]}`;
  }
}

function requestArbitrary(doc: OpenApi, world: World, toolOrigin: string): fc.Arbitrary<SweepRequest> {
  const ops = operationsOf(doc);
  const ids = Object.values(world.ids);
  return fc.constantFrom(...ops).chain((op) => {
    const kind = /^\/api\/(\w+?)s?\//.exec(op.path)?.[1] as keyof World['ids'] | undefined;
    const own = kind && kind in world.ids ? world.ids[kind] : undefined;
    const segment = fc.oneof(
      { arbitrary: fc.constant(encodeURIComponent(own ?? ids[0]!)), weight: 8 },
      { arbitrary: fc.constantFrom(...ids).map(encodeURIComponent), weight: 2 },
      { arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS), weight: 2 },
      { arbitrary: fc.uuid(), weight: 1 },
    );
    const query = fc.oneof(
      fc.record(Object.fromEntries(op.query.map((q) => [q.name, fromSchema(doc, world, q.schema, q.name)])), {
        requiredKeys: [],
      }),
      fc.dictionary(fc.constantFrom('q', 'limit', 'url', 'format', 'x'), fc.constantFrom(...HOSTILE_STRINGS)),
    );
    const body = op.body
      ? fc.oneof(
          { arbitrary: fromSchema(doc, world, op.body).map((v) => JSON.stringify(v) ?? 'null'), weight: 8 },
          { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 1 },
          {
            arbitrary: fc.constantFrom<string | Uint8Array>(
              '{"title": ',
              '{"a":1}{"b":2}',
              'null',
              '[]',
              '"\\u0000"',
              new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
            ),
            weight: 1,
          },
        )
      : fc.option(fc.constantFrom('{"x":1}', 'not json'), { nil: undefined });
    return fc
      .record({
        segment,
        query,
        body,
        caller: fc.constantFrom(...CALLERS),
        origin: fc.constantFrom(
          undefined,
          undefined,
          world.extensionOrigin,
          world.extensionOrigin,
          toolOrigin,
          'https://evil.example',
          'null',
        ),
        contentType: fc.constantFrom(
          ...Array<string>(12).fill('application/json'),
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          undefined,
        ),
        accept: fc.constantFrom('application/json', 'text/html', '*/*'),
        method: fc.constantFrom(...Array<string>(9).fill(op.method), op.method === 'GET' ? 'HEAD' : 'OPTIONS'),
        huge: fc.integer({ min: 0, max: 199 }).map((n) => n === 0),
      })
      .map((r) => {
        const path = op.path.replace(/\{\w+\}/g, r.segment);
        const qs = Object.entries(r.query)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${escapeQuery(k)}=${escapeQuery(typeof v === 'string' ? v : JSON.stringify(v))}`)
          .join('&');
        const headers: Record<string, string> = { accept: r.accept };
        const auth = authorization(world, r.caller);
        if (auth) headers.authorization = auth;
        if (r.origin) headers.origin = r.origin;
        let payload: string | Uint8Array | undefined = r.body;
        if (r.huge && op.body) payload = JSON.stringify({ text: 'x'.repeat(1_100_000) });
        if (payload !== undefined && r.contentType) headers['content-type'] = r.contentType;
        const method = r.method;
        return {
          operationId: op.operationId,
          method,
          path: qs ? `${path}?${qs}` : path,
          headers,
          body: method === 'GET' || method === 'HEAD' ? undefined : payload,
        };
      });
  });
}

/** Sends `count` hostile requests drawn with `seed`, `concurrency` at a time. */
export async function sweep(
  toolUrl: string,
  world: World,
  opts: { count: number; seed: number; concurrency?: number },
): Promise<SweepResult> {
  const started = performance.now();
  const doc = (await (await fetch(`${toolUrl}/api/openapi.json`)).json()) as OpenApi;
  const requests = fc.sample(requestArbitrary(doc, world, new URL(toolUrl).origin), {
    numRuns: opts.count,
    seed: opts.seed,
  });
  const byStatus = new Map<number, number>();
  const failures: SweepResult['failures'] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      let status: number;
      let answer: string;
      try {
        const res = await fetch(`${toolUrl}${request.path}`, {
          method: request.method,
          headers: request.headers,
          body: request.body as BodyInit | undefined,
        });
        status = res.status;
        answer = await res.text();
      } catch (err) {
        status = 599;
        answer = `no answer: ${(err as Error).message}`;
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (status >= 500) failures.push({ status, request, answer: answer.slice(0, 300), why: 'status ≥ 500' });
      else if (status >= 400 && internalsIn(answer))
        failures.push({ status, request, answer: answer.slice(0, 300), why: `shows "${internalsIn(answer)}"` });
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  return {
    requests: requests.length,
    operations: operationsOf(doc).length,
    byStatus,
    failures,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Counts per status class and per status, as printed by `npm run fuzz`. */
export function summary(label: string, r: SweepResult): string {
  const classes = new Map<string, number>();
  for (const [status, n] of r.byStatus) {
    const k = `${Math.floor(status / 100)}xx`;
    classes.set(k, (classes.get(k) ?? 0) + n);
  }
  const order = ['1xx', '2xx', '3xx', '4xx', '5xx'];
  return [
    `Hostile sweep on ${label}: ${r.requests} requests over ${r.operations} operations in ${r.seconds.toFixed(1)} s`,
    `  by class:  ${order.map((k) => `${k} ${classes.get(k) ?? 0}`).join('  ')}`,
    `  by status: ${[...r.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s} ${n}`)
      .join('  ')}`,
    `  answers ≥ 500: ${r.failures.filter((f) => f.status >= 500).length}; error answers showing internals: ${
      r.failures.filter((f) => f.status < 500).length
    }`,
  ].join('\n');
}
