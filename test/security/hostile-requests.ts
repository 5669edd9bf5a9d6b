import fc from 'fast-check';
import type { HostileRequest, JsonSchema, Operation, Param } from './operations.js';

/** The kinds of hostile input, each aimed at a part of the request the operation really has. */
export const KINDS = [
  'wrong-type',
  'missing-required',
  'extra-field',
  'huge-string',
  'empty-string',
  'nul',
  'control-chars',
  'deep-nesting',
  'huge-array',
  'bad-uuid',
  'bad-url',
  'malformed-json',
  'wrong-content-type',
  'non-object-body',
  'empty-body',
] as const;
export type Kind = (typeof KINDS)[number];

/** Supplies real ids for path parameters (an artist the caller administers, ...) so the body is what fails. */
export type PathFixture = (op: Operation, param: Param) => string | undefined;

type Json = unknown;
type Segment = string | number;

/** A place in the body: where it is, what is there, and its schema when it could be followed. */
interface Slot {
  at: Segment[];
  value: Json;
  schema: JsonSchema | undefined;
}

/** What a mutation aims at. */
type Target =
  | { part: 'body'; slot: Slot; key?: string }
  | { part: 'body-whole' }
  | { part: 'query-extra' }
  | { part: 'path' | 'query' | 'header'; param: Param };

interface Baseline {
  path: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: Json | undefined;
}

/** A stand-in spliced into the body text afterwards, so huge and deep values are written, never built as objects. */
const SPLICE = '\u{10FFFF}splice\u{10FFFF}';

const MAX_BASELINE_DEPTH = 8;

function types(schema: JsonSchema): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** A value the schema (probably) accepts: the starting point every mutation breaks in one place. */
export function validValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<Json> {
  if (!schema || depth > MAX_BASELINE_DEPTH) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as Json[]));
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union) && union.length) return fc.oneof(...union.map((s) => validValue(s, depth + 1)));
  const kinds = types(schema);
  if (kinds.length > 1) return fc.oneof(...kinds.map((type) => validValue({ ...schema, type }, depth + 1)));
  const type = kinds[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      return validString(schema);
    case 'integer': {
      const min = Math.ceil(Number(schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -1000)));
      const max = Math.floor(Number(schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : min + 100_000)));
      return fc.integer({ min, max: Math.max(min, max) });
    }
    case 'number': {
      const min = Number(schema.minimum ?? -1000);
      return fc.double({ min, max: Math.max(min, Number(schema.maximum ?? min + 100_000)), noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = Math.min(Number(schema.minItems ?? 0), 3);
      const maxLength = Math.max(minLength, Math.min(Number(schema.maxItems ?? 3), 3, minLength + 2));
      return fc.array(validValue(schema.items as JsonSchema | undefined, depth + 1), { minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, 1) });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      const record = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validValue(s, depth + 1)]));
      return fc.record(record, { requiredKeys: required.filter((k) => k in properties) });
    }
    default:
      return fc.oneof(fc.constant('x'), fc.integer(), fc.constant(null));
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = Math.max(minLength, Math.min(Number(schema.maxLength ?? 40), 40));
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 7 });
    case 'date-time':
      return fc.date({ min: new Date('2003-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2003-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 12 }).map((s) => `${s}@example.test`);
  }
  if (typeof schema.pattern === 'string') {
    // Built from the pattern itself: random text filtered by it can spin for ever (`^https://` almost never matches).
    return fc.stringMatching(new RegExp(schema.pattern), { maxLength: Math.max(maxLength, 64) }).filter((s) => s.length >= minLength);
  }
  return fc.string({ minLength, maxLength });
}

/** Every place of a value, with the schema that governs it where it can be followed (objects and arrays). */
function slotsOf(value: Json, schema: JsonSchema | undefined): Slot[] {
  const out: Slot[] = [];
  const walk = (node: Json, s: JsonSchema | undefined, at: Segment[]) => {
    out.push({ at, value: node, schema: s });
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, s?.items as JsonSchema | undefined, [...at, i]);
    } else if (node && typeof node === 'object') {
      const props = (s?.properties ?? {}) as Record<string, JsonSchema>;
      for (const [k, child] of Object.entries(node)) walk(child, props[k], [...at, k]);
    }
  };
  walk(value, schema, []);
  return out;
}

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own property even for "__proto__", so JSON.stringify writes it. */
function setOwn(target: Record<string, Json>, key: string, value: Json) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy with `fn` applied at `at` (a new value, or undefined to delete). */
function replaceAt(root: Json, at: Segment[], fn: (old: Json) => Json | undefined): Json {
  const clone = structuredCloneOwn(root);
  if (at.length === 0) return fn(clone);
  let node = clone as Record<string | number, Json>;
  for (const seg of at.slice(0, -1)) node = node[seg] as Record<string | number, Json>;
  const last = at[at.length - 1]!;
  const next = fn(node[last]);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (Array.isArray(node)) node[Number(last)] = next;
  else setOwn(node as Record<string, Json>, String(last), next);
  return clone;
}

function structuredCloneOwn(value: Json): Json {
  if (Array.isArray(value)) return value.map(structuredCloneOwn);
  if (isObject(value)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, structuredCloneOwn(v));
    return out;
  }
  return value;
}

// --- the hostile values ---------------------------------------------------------------------------------

const CONTROL = [
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\u000b',
  '\f',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufffe',
];

const controlString = fc
  .array(fc.oneof(fc.constantFrom(...CONTROL), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join(''))
  .filter((s) => [...s].some((c) => CONTROL.includes(c)));

const nulString = fc
  .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.integer({ min: 1, max: 3 }))
  .map(([a, b, n]) => `${a}${'\u0000'.repeat(n)}${b}`);

/** 100 KB to 2 MB; the repeated unit may be multi-byte, so bytes and characters differ. */
const hugeString = hugeOf(100_000, 2_000_000);

/** In a URL: 1 KB to 100 KB (a real server's header limit is 16 KB; inject carries more, which the router must refuse). */
const hugeUrlString = hugeOf(1_000, 100_000);

function hugeOf(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min, max }), fc.constantFrom('x', 'é', '😀', 'a ', '\\', '"')).map(([size, unit]) => unit.repeat(Math.ceil(size / unit.length)));
}

/** Path text that is not valid percent-encoding (or not UTF-8 once decoded): sent as it is. */
const BAD_ENCODINGS = ['%', '%zz', 'a%', '%%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%F4%90%80%80', '%0'];

const BAD_UUIDS = [
  '',
  '0',
  '-1',
  'null',
  'undefined',
  'true',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '{0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f}',
  'urn:uuid:0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f',
  '0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f\n',
  ' 0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f',
  '0193f2c4_8b1e_7c2a_9d4f_1a2b3c4d5e6f',
  '０１９３f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f',
  '../../../etc/passwd',
  "' OR '1'='1",
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the hostile input
  '${jndi:ldap://x}',
];

const badUuid = fc.oneof(
  fc.constantFrom(...BAD_UUIDS),
  fc.tuple(fc.uuid(), fc.nat(), fc.constantFrom('drop', 'g', 'dash', 'extra', 'upper-x')).map(([u, i, how]) => {
    const at = i % u.length;
    if (how === 'drop') return u.slice(0, at) + u.slice(at + 1);
    if (how === 'g') return `${u.slice(0, at)}g${u.slice(at + 1)}`;
    if (how === 'dash') return u.replaceAll('-', '');
    if (how === 'extra') return `${u}0`;
    return u.toUpperCase().replace(/[0-9]/, 'X');
  }),
  fc.string({ maxLength: 40 }),
);

/** Values JSON can carry, to put where another type belongs (the oracle drops the ones that happen to fit). */
const anyJson = fc.oneof(
  fc.constantFrom<Json>(0, -1, 1.5, -0.000001, 1e308, 2 ** 53 + 1, true, false, null, '', 'text', '123', 'true', '2026-01-01', [], [1, 'a'], {}, { a: 1 }, [
    [[]],
  ]),
  fc.integer(),
  fc.string({ maxLength: 10 }),
);

/** Strings a query or path value arrives as, where a number, boolean, date or enum is expected. */
const wrongString = fc.oneof(
  fc.constantFrom(
    'abc',
    '1.5',
    '-1',
    '0',
    '1e999',
    '-1e999',
    'NaN',
    'Infinity',
    '0x10',
    ' 1',
    '1 ',
    '+1',
    '99999999999999999999',
    'true',
    'yes',
    '[]',
    '{}',
    '2026-13-45',
    '2026-02-30',
    'today',
    'null',
    '%',
    '\\',
  ),
  fc.string({ maxLength: 12 }),
);

const deepText = fc.tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('array', 'object', 'mixed')).map(([depth, shape]) => {
  if (shape === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (shape === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '[{"a":'.repeat(depth) + 'null' + '}]'.repeat(depth);
});

/** Up to about 3 MB of elements: some kinds of element, or copies of a real one. */
function hugeArrayText(example: Json): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom<Json>(1, 'a', null, {}, [], example)).map(([count, element]) => {
    const one = JSON.stringify(element) ?? 'null';
    const n = Math.max(10_000, Math.min(count, Math.floor(3_000_000 / (one.length + 1))));
    return `[${Array(n).fill(one).join(',')}]`;
  });
}

const extraKey = fc.oneof(
  fc.constantFrom(
    'unexpected_field',
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    '$where',
    'id',
    'user_id',
    'role',
    'is_admin',
    'a'.repeat(10_000),
    'ключ',
    '😀',
  ),
  fc.string({ maxLength: 16 }),
);

/** Broken JSON made from the baseline's own text. */
function malformedJson(text: string): fc.Arbitrary<string> {
  const fixed = fc.constantFrom(
    '{',
    '}',
    '[',
    '{"a":}',
    '{"a":1,}',
    '[1,]',
    "{'a':1}",
    '{a:1}',
    '{"a":NaN}',
    '{"a":Infinity}',
    '{"a":undefined}',
    '{"a":1}{"b":2}',
    '{"a":1} x',
    '/* c */{}',
    '{"a":"\\x41"}',
    '{"a":"\\u12"}',
    '{"a":0x10}',
    '{"a":01}',
    '{"a":.5}',
    '{"a":"line\nbreak"}',
    'nul',
    'tru',
    '"',
    '\u0000',
    '\uFEFF\uFEFF{}',
  );
  if (text.length < 2) return fixed;
  return fc.oneof(
    fixed,
    fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut)),
    fc.constantFrom(`${text},`, `${text}}`, `${text.slice(0, -1)},}`, text.replaceAll('"', "'"), text.replace(':', '::'), `[${text}`, `${text}\u0000`),
  );
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/xml',
  'text/xml',
  'multipart/form-data; boundary=chorus',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/vnd.api+json',
  'application/json-patch+json',
  'application/jsonx',
  'text/html',
  'image/png',
  '*/*',
  'json',
  ';;;',
  'none',
] as const;

function bodyForContentType(type: string, json: string): string {
  if (type.includes('xml')) return `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`;
  if (type.startsWith('multipart')) return `--chorus\r\nContent-Disposition: form-data; name="body"\r\n\r\n${json}\r\n--chorus--\r\n`;
  if (type.includes('urlencoded')) return `body=${encodeURIComponent(json)}&a[b]=1`;
  return json;
}

// --- requests -------------------------------------------------------------------------------------------

function baselineOf(op: Operation, fixture: PathFixture): fc.Arbitrary<Baseline> {
  const path = Object.fromEntries(
    op.params
      .filter((p) => p.in === 'path')
      .map((p) => [p.name, fixture(op, p) !== undefined ? fc.constant(fixture(op, p)!) : (validValue(p.schema).map(String) as fc.Arbitrary<string>)]),
  );
  const query = op.params
    .filter((p) => p.in === 'query')
    .map((p) =>
      p.required
        ? validValue(p.schema).map((v) => [[p.name, String(v)]])
        : fc.option(
            validValue(p.schema).map((v) => [[p.name, String(v)]]),
            { nil: [] },
          ),
    );
  const headers = Object.fromEntries(op.params.filter((p) => p.in === 'header' && p.required).map((p) => [p.name, validValue(p.schema).map(String)]));
  return fc.record({
    path: fc.record(path),
    query: fc.tuple(...query).map((parts) => parts.flat() as Array<[string, string]>),
    headers: fc.record(headers) as fc.Arbitrary<Record<string, string>>,
    body: op.body ? validValue(op.body) : fc.constant(undefined),
  });
}

/** The targets a kind can aim at in this baseline. */
function targetsFor(kind: Kind, op: Operation, base: Baseline): Target[] {
  const params = (...parts: Array<Param['in']>) => op.params.filter((p) => parts.includes(p.in)).map((param) => ({ part: param.in, param }) as Target);
  const uuidParams = op.params.filter((p) => p.in !== 'header' && p.schema.format === 'uuid').map((param) => ({ part: param.in, param }) as Target);
  const structured = op.body ? slotsOf(base.body, op.body) : [];
  const fields = structured.filter((s) => s.at.length > 0);
  const strings = fields.filter((s) => typeof s.value === 'string' || (s.schema && types(s.schema).includes('string')));
  const body = (slots: Slot[]) => slots.map((slot) => ({ part: 'body', slot }) as Target);
  switch (kind) {
    case 'wrong-type':
      return [...params('path', 'query'), ...body(fields)];
    case 'missing-required': {
      const missing: Target[] = params('query', 'header').filter((t) => 'param' in t && t.param.required);
      for (const slot of structured) {
        if (!isObject(slot.value)) continue;
        const required = new Set(((slot.schema?.required as string[] | undefined) ?? Object.keys(slot.value)).filter((k) => k in (slot.value as object)));
        for (const key of required) missing.push({ part: 'body', slot, key });
      }
      if (op.body) missing.push({ part: 'body-whole' });
      return missing;
    }
    case 'extra-field':
      return [...params('query'), ...body(structured.filter((s) => isObject(s.value)))];
    case 'huge-string':
    case 'empty-string':
      return [...params('path', 'query', 'header'), ...body(strings)];
    case 'nul':
      // An undeclared query parameter too: every operation has a query string, and U+0000 is refused in all of it.
      return [...params('path', 'query'), ...body(strings), ...body(structured.filter((s) => isObject(s.value))), { part: 'query-extra' }];
    case 'control-chars':
      return [...params('path', 'query'), ...body(strings), ...body(structured.filter((s) => isObject(s.value)))];
    case 'bad-url':
      return params('path');
    case 'deep-nesting':
    case 'huge-array':
      return [...(kind === 'huge-array' ? params('query') : []), ...body(structured)];
    case 'bad-uuid': {
      const uuidFields = fields.filter((s) => s.schema?.format === 'uuid');
      return [...uuidParams, ...body(uuidFields)];
    }
    case 'malformed-json':
    case 'wrong-content-type':
    case 'empty-body':
      return op.takesBody ? [{ part: 'body-whole' }] : [];
    case 'non-object-body':
      return op.takesBody && op.body ? [{ part: 'body-whole' }] : [];
  }
}

interface Mutated {
  target: string;
  path?: Record<string, string>;
  rawPath?: Record<string, string>;
  query?: Array<[string, string]>;
  headers?: Record<string, string>;
  /** The body as JSON with an optional splice, or raw text and content type. */
  body?: { json: Json; splice?: string } | { text: string; contentType: string | undefined } | 'none';
}

function setParam(base: Baseline, param: Param, value: string | string[] | undefined): Partial<Mutated> {
  if (param.in === 'path') return { path: { ...base.path, [param.name]: String(value ?? '') } };
  if (param.in === 'header') {
    const headers = { ...base.headers };
    if (value === undefined) delete headers[param.name];
    else headers[param.name] = String(value);
    return { headers };
  }
  const query = base.query.filter(([k]) => k !== param.name);
  if (value !== undefined) for (const v of Array.isArray(value) ? value : [value]) query.push([param.name, v]);
  return { query };
}

function mutate(kind: Kind, target: Target, base: Baseline): fc.Arbitrary<Mutated> {
  if (target.part === 'path' || target.part === 'query' || target.part === 'header') {
    const { param } = target;
    const label = `${param.in} ${param.name}`;
    const as = (arb: fc.Arbitrary<string | string[] | undefined>) => arb.map((v) => ({ target: label, ...setParam(base, param, v) }) as Mutated);
    switch (kind) {
      case 'wrong-type':
        return as(param.in === 'query' ? fc.oneof(wrongString, fc.array(wrongString, { minLength: 2, maxLength: 4 })) : wrongString);
      case 'missing-required':
        return as(fc.constant(undefined));
      case 'huge-string':
        return as(param.in === 'header' ? fc.integer({ min: 1_025, max: 16_000 }).map((n) => '9'.repeat(n)) : hugeUrlString);
      case 'empty-string':
        return as(fc.constant(''));
      case 'nul':
        return as(nulString);
      case 'control-chars':
        return as(controlString);
      case 'bad-uuid':
        return as(badUuid);
      case 'huge-array':
        return as(fc.integer({ min: 1_000, max: 20_000 }).map((n) => Array(n).fill('1')));
      case 'bad-url':
        return fc.constantFrom(...BAD_ENCODINGS).map((raw) => ({ target: label, rawPath: { [param.name]: raw } }));
      case 'extra-field':
        return extraKey.chain((key) =>
          fc.string({ maxLength: 8 }).map((v) => ({ target: `query +${key.slice(0, 20)}`, query: [...base.query, [key, v] as [string, string]] })),
        );
      default:
        return as(wrongString);
    }
  }
  if (target.part === 'query-extra') {
    return fc
      .tuple(fc.constantFrom('x', 'limit', 'a\u0000'), nulString)
      .map(([key, value]) => ({ target: `query +${key}`, query: [...base.query, [key, value] as [string, string]] }));
  }
  if (target.part === 'body-whole') {
    const text = JSON.stringify(base.body ?? {});
    switch (kind) {
      case 'missing-required':
        return fc.constant({ target: 'body', body: 'none' });
      case 'malformed-json':
        return malformedJson(text).map((t) => ({ target: 'body', body: { text: t, contentType: 'application/json' } }));
      case 'wrong-content-type':
        return fc.constantFrom(...WRONG_CONTENT_TYPES).map((type) => ({
          target: `body as ${type}`,
          body: { text: bodyForContentType(type, text), contentType: type === 'none' ? undefined : type },
        }));
      case 'empty-body':
        return fc.constant({ target: 'body', body: { text: '', contentType: 'application/json' } });
      default:
        return fc
          .constantFrom<Json>([], [base.body], 'string', 42, -1, true, false, null, [null], [[]], '')
          .map((json) => ({ target: 'body root', body: { json } }));
    }
  }
  if (target.part !== 'body') throw new Error(`no ${kind} mutation for ${target.part}`);
  const { slot } = target;
  const where = `body /${slot.at.join('/')}`;
  const replaced = (value: Json, splice?: string) => ({
    target: where,
    body: { json: replaceAt(base.body, slot.at, () => value), ...(splice ? { splice } : {}) },
  });
  const spliced = (arb: fc.Arbitrary<string>) => arb.map((text) => replaced(SPLICE, text));
  switch (kind) {
    case 'wrong-type':
      return anyJson.map((v) => replaced(v));
    case 'missing-required': {
      const key = target.key!;
      return fc.constant({ target: `${where}/${key} missing`, body: { json: replaceAt(base.body, [...slot.at, key], () => undefined) } });
    }
    case 'extra-field':
      return fc.tuple(extraKey, anyJson).map(([key, v]) => ({
        target: `${where} +${key.slice(0, 20)}`,
        body: {
          json: replaceAt(base.body, slot.at, (old) => {
            const copy = { ...(old as Record<string, Json>) };
            setOwn(copy, key, v);
            return copy;
          }),
        },
      }));
    case 'huge-string':
      return hugeString.map((s) => replaced(s));
    case 'empty-string':
      return fc.constant(replaced(''));
    case 'nul':
    case 'control-chars': {
      const value = kind === 'nul' ? nulString : controlString;
      if (isObject(slot.value)) {
        // The hostile text as a key of the object.
        return value.map((key) => ({
          target: `${where} key`,
          body: {
            json: replaceAt(base.body, slot.at, (old) => {
              const copy = { ...(old as Record<string, Json>) };
              setOwn(copy, key, 1);
              return copy;
            }),
          },
        }));
      }
      return value.map((s) => replaced(s));
    }
    case 'deep-nesting':
      return spliced(deepText);
    case 'huge-array':
      return spliced(hugeArrayText(Array.isArray(slot.value) ? slot.value[0] : slot.value));
    case 'bad-uuid':
      return badUuid.map((s) => replaced(s));
    default:
      return anyJson.map((v) => replaced(v));
  }
}

/** URL parts as sent: lone surrogates cannot be percent-encoded, so they go as U+FFFD (and the oracle sees that too). */
function wellFormed(value: string): string {
  return (value as string & { toWellFormed(): string }).toWellFormed();
}

function finish(op: Operation, kind: Kind, base: Baseline, m: Mutated): HostileRequest {
  const path = Object.fromEntries(Object.entries(m.path ?? base.path).map(([k, v]) => [k, wellFormed(v)]));
  const query = (m.query ?? base.query).map(([k, v]) => [wellFormed(k), wellFormed(v)] as [string, string]);
  const headers = m.headers ?? base.headers;
  let body: HostileRequest['body'];
  if (m.body === 'none') body = undefined;
  else if (m.body && 'text' in m.body) body = m.body;
  else if (op.takesBody) {
    const json = m.body ? m.body.json : base.body;
    if (json !== undefined || m.body) {
      let text = JSON.stringify(json) ?? '';
      if (m.body && 'splice' in m.body && m.body.splice !== undefined) text = text.replace(JSON.stringify(SPLICE), () => (m.body as { splice: string }).splice);
      body = { text, contentType: 'application/json' };
    }
  }
  return { op, kind, target: m.target, path, ...(m.rawPath ? { rawPath: m.rawPath } : {}), query, headers, ...(body ? { body } : {}) };
}

/** Hostile requests for one operation: a kind the operation offers a target for, aimed at one place. */
export function hostileRequests(op: Operation, fixture: PathFixture): fc.Arbitrary<HostileRequest> | undefined {
  const applicable = KINDS.filter((kind) => kindPossible(kind, op));
  if (!applicable.length) return undefined;
  return baselineOf(op, fixture).chain((base) => {
    const offered = applicable.map((kind) => [kind, targetsFor(kind, op, base)] as const).filter(([, targets]) => targets.length > 0);
    if (!offered.length) return fc.constant(undefined as unknown as HostileRequest);
    return fc
      .constantFrom(...offered)
      .chain(([kind, targets]) => fc.constantFrom(...targets).chain((target) => mutate(kind, target, base).map((m) => finish(op, kind, base, m))));
  });
}

/** Whether a kind can ever apply to the operation (from its parameters and method alone). */
function kindPossible(kind: Kind, op: Operation): boolean {
  const hasBody = Boolean(op.body);
  const urlParams = op.params.some((p) => p.in !== 'header');
  switch (kind) {
    case 'malformed-json':
    case 'wrong-content-type':
    case 'empty-body':
      return op.takesBody;
    case 'non-object-body':
    case 'deep-nesting':
      return op.takesBody && hasBody;
    case 'bad-uuid':
    case 'nul':
      return true;
    default:
      return (op.takesBody && hasBody) || urlParams || op.params.length > 0;
  }
}

/** The wire form of a request: URL, headers and payload for `app.inject`. */
export function wireOf(req: HostileRequest): { method: string; url: string; headers: Record<string, string>; payload?: string } {
  // Dots are escaped so "." and ".." stay a parameter instead of being resolved as path segments.
  const encodePath = (v: string) => encodeURIComponent(v).replaceAll('.', '%2E');
  const path = req.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => req.rawPath?.[name] ?? encodePath(req.path[name] ?? ''));
  const query = req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const headers: Record<string, string> = { ...req.headers };
  if (req.body?.contentType !== undefined) headers['content-type'] = req.body.contentType;
  return { method: req.op.method, url: query ? `${path}?${query}` : path, headers, ...(req.body ? { payload: req.body.text } : {}) };
}
