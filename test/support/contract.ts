import { readFileSync } from 'node:fs';
import { type ChorusClient, type ClientOptions, createChorusClient, type Middleware } from '@chorus/sdk';
import { Compile } from 'typebox/compile';

/** The committed OpenAPI document: the contract the end-to-end tests hold the server to. */
export const DOCUMENT_URL = new URL('../../openapi/chorus.openapi.json', import.meta.url);

type JsonSchema = Record<string, unknown>;

interface ResponseObject {
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

/** Inlines local $refs (#/components/schemas/X); the document has no cycles, the depth guard says so if one appears. */
export function deref(schema: unknown, components: Record<string, unknown>, depth = 0): unknown {
  if (depth > 64) throw new Error('schema nested deeper than 64 levels (a $ref cycle?)');
  if (Array.isArray(schema)) return schema.map((s) => deref(s, components, depth + 1));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    if (!(name in components)) throw new Error(`${ref} is not defined in the document`);
    return deref(components[name], components, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'example' || k === 'examples' ? v : deref(v, components, depth + 1)]));
}

/** The media type of a Content-Type header, without parameters, lower case. */
const mediaTypeOf = (header: string | null) => (header ?? '').split(';')[0]!.trim().toLowerCase();
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

export interface ContractOptions {
  /** Throw ContractError at the first broken response (the default); false only collects them. */
  strict?: boolean;
}

/** One response the server gave, as the contract judges it. */
export interface Answer {
  method: string;
  /** The path as the document names it, e.g. /v1/artists/{id}. */
  path: string;
  status: number;
  contentType: string | null;
  /** The body's text, read only when the document or the answer says JSON. */
  body: () => Promise<string>;
}

/**
 * Responses checked against the committed document: the status is one the operation documents, the media type is
 * one documented for that status (none when it documents no content), and a JSON body validates against the schema.
 */
export class ResponseContract {
  /** Responses checked. */
  validated = 0;
  /** What was wrong, one line per broken response. */
  readonly violations: string[] = [];
  /** Statuses seen per operation ("GET /v1/me"), for the report. */
  readonly seen = new Map<string, Set<number>>();
  private readonly components: Record<string, unknown>;
  private readonly checks = new Map<string, (value: unknown) => string | undefined>();

  constructor(
    private readonly document: OpenApiDocument,
    private readonly options: ContractOptions = {},
  ) {
    this.components = document.components?.schemas ?? {};
  }

  /** The contract of the committed document. */
  static committed(options: ContractOptions = {}): ResponseContract {
    return new ResponseContract(JSON.parse(readFileSync(DOCUMENT_URL, 'utf8')) as OpenApiDocument, options);
  }

  /** What breaks the document in this answer; empty when it keeps it. Counts it and keeps the violations. */
  async check(answer: Answer): Promise<string[]> {
    const operation = `${answer.method.toUpperCase()} ${answer.path}`;
    const problems = await this.problemsOf(answer, operation);
    this.validated++;
    const statuses = this.seen.get(operation) ?? new Set<number>();
    statuses.add(answer.status);
    this.seen.set(operation, statuses);
    for (const p of problems) this.violations.push(`${operation} → ${answer.status}: ${p}`);
    return problems;
  }

  /** An openapi-fetch middleware that checks every response; a broken one is kept in `violations` and, when strict, throws ContractError. */
  middleware(): Middleware {
    return {
      onResponse: async ({ request, response, schemaPath }) => {
        const problems = await this.check({
          method: request.method,
          path: schemaPath,
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: () => response.clone().text(),
        });
        if (problems.length && this.options.strict !== false)
          throw new ContractError(`${request.method} ${schemaPath} → ${response.status} breaks openapi/chorus.openapi.json:\n  ${problems.join('\n  ')}`);
        return undefined;
      },
    };
  }

  /** A typed SDK client whose every response is checked against the document. */
  client(options: ClientOptions): ChorusClient {
    const client = createChorusClient(options);
    client.use(this.middleware());
    return client;
  }

  private async problemsOf(answer: Answer, operation: string): Promise<string[]> {
    const item = this.document.paths[answer.path];
    const op = item?.[answer.method.toLowerCase()] as { responses?: Record<string, ResponseObject> } | undefined;
    if (!op) return [`${operation} is not in the document`];
    const documented = op.responses?.[String(answer.status)] ?? op.responses?.[`${String(answer.status)[0]}XX`] ?? op.responses?.default;
    if (!documented) return [`status ${answer.status} is not documented (documented: ${Object.keys(op.responses ?? {}).join(', ')})`];
    const mediaType = mediaTypeOf(answer.contentType);
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) {
      if (!mediaType) return [];
      const text = await answer.body();
      return text === '' ? [] : [`a ${mediaType} body where the document promises none`];
    }
    const entry = content[mediaType];
    if (!entry) return [`content type ${answer.contentType ?? '(none)'}, documented: ${Object.keys(content).join(', ')}`];
    if (!isJson(mediaType) || !entry.schema) return [];
    const text = await answer.body();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return [`the body is not JSON: ${text.slice(0, 80)}`];
    }
    const why = this.validator(`${operation} ${answer.status} ${mediaType}`, entry.schema)(value);
    return why ? [why] : [];
  }

  private validator(key: string, schema: JsonSchema): (value: unknown) => string | undefined {
    let check = this.checks.get(key);
    if (!check) {
      const compiled = Compile(deref(schema, this.components) as never);
      check = (value) => {
        if (compiled.Check(value)) return undefined;
        const errors = [...compiled.Errors(value)].slice(0, 3);
        return `the body does not match the schema: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`;
      };
      this.checks.set(key, check);
    }
    return check;
  }
}

/** A response that breaks the committed document. */
export class ContractError extends Error {
  override name = 'ContractError';
}
