import { createHash } from 'node:crypto';
import { ProblemError } from '@chorus/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How a statistics answer is sent: JSON, or CSV for a spreadsheet. */
export type Representation = 'json' | 'csv';

/** How an answer reads as CSV: its text and the name of the file it downloads as. */
export interface CsvView<T> {
  name(answer: T): string;
  text(answer: T): string;
}

/** Bytes already sent for an answer object, and their entity tag. */
interface Sent {
  body: Buffer;
  etag: string;
}

/**
 * What was sent for each answer object, per representation. The statistics cache hands out the same object on
 * every hit until the answer changes, so a hit costs a lookup instead of a serialization and a hash: what a hit
 * costs no longer grows with the size of the answer. Entries go with their answers (weak maps hold nothing alive).
 */
const sentAs: Record<Representation, WeakMap<object, Sent>> = { json: new WeakMap(), csv: new WeakMap() };

const notAcceptable = () =>
  new ProblemError(406, 'not_acceptable', 'This answer is offered as application/json or text/csv: send one of them in Accept, or format=json or format=csv.');

/** The quality a media range of an Accept header gives: 0 when it says q=0 or has a malformed q. */
function qualityOf(params: string[]): number {
  for (const param of params) {
    const [name, value] = param.split('=').map((x) => x.trim());
    if (name?.toLowerCase() !== 'q') continue;
    const q = Number(value);
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0;
  }
  return 1;
}

/**
 * JSON or CSV: `format` in the query wins; else the Accept header's preference (RFC 9110: the most specific range
 * naming a type gives its quality; equal qualities prefer JSON); none means JSON. A header that accepts neither is
 * a 406 problem. A linear scan of the header, split on commas and semicolons.
 */
export function representationOf(request: FastifyRequest): Representation {
  const format = (request.query as { format?: Representation } | undefined)?.format;
  if (format) return format;
  const accept = request.headers.accept;
  if (accept === undefined || accept.trim() === '') return 'json';
  const offered: Record<Representation, [string, string]> = { json: ['application', 'json'], csv: ['text', 'csv'] };
  const best: Record<Representation, { specificity: number; q: number }> = { json: { specificity: -1, q: 0 }, csv: { specificity: -1, q: 0 } };
  for (const range of accept.split(',')) {
    const [mediaType = '', ...params] = range.split(';');
    const [type, subtype] = mediaType.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    for (const kind of ['json', 'csv'] as const) {
      const [t, s] = offered[kind];
      const specificity = type === t && subtype === s ? 2 : type === t && subtype === '*' ? 1 : type === '*' && subtype === '*' ? 0 : -1;
      if (specificity > best[kind].specificity) best[kind] = { specificity, q: qualityOf(params) };
    }
  }
  if (best.json.q === 0 && best.csv.q === 0) throw notAcceptable();
  return best.csv.q > best.json.q ? 'csv' : 'json';
}

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** True when If-None-Match names this entity tag (weak comparison, as RFC 9110 asks for it) or is `*`. */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}

/** The bytes of an answer as JSON, serialized by the route's response schema once per answer object. */
function jsonOf(reply: FastifyReply, answer: object): Sent {
  let sent = sentAs.json.get(answer);
  if (sent === undefined) {
    // Routes that also answer CSV declare their 200 response per media type.
    const byType = reply.getSerializationFunction('200', 'application/json');
    const serialize = typeof byType === 'function' ? byType : reply.getSerializationFunction('200');
    const body = Buffer.from(typeof serialize === 'function' ? serialize(answer as Record<string, unknown>) : JSON.stringify(answer));
    sent = { body, etag: etagOf(body) };
    sentAs.json.set(answer, sent);
  }
  return sent;
}

function csvOf<T extends object>(answer: T, view: CsvView<T>): Sent {
  let sent = sentAs.csv.get(answer);
  if (sent === undefined) {
    const body = Buffer.from(view.text(answer));
    sent = { body, etag: etagOf(body) };
    sentAs.csv.set(answer, sent);
  }
  return sent;
}

/**
 * Sends an answer as JSON or CSV with a strong ETag (a hash of the bytes, kept with them), or 304 Not Modified when
 * If-None-Match names it. A CSV download is named by the view and attached (Content-Disposition).
 */
export function sendAnswer<T extends object>(request: FastifyRequest, reply: FastifyReply, as: Representation, answer: T, csv: CsvView<T>): FastifyReply {
  const sent = as === 'csv' ? csvOf(answer, csv) : jsonOf(reply, answer);
  // Private: statistics are the team's. no-cache: a client keeps the answer but asks again, and gets a 304 if it is unchanged.
  reply.header('etag', sent.etag).header('vary', 'Accept').header('cache-control', 'private, no-cache');
  if (noneMatchHits(request.headers['if-none-match'], sent.etag)) return reply.code(304).send();
  if (as === 'json') return reply.type('application/json; charset=utf-8').send(sent.body);
  const safe = csv.name(answer).replace(/[^A-Za-z0-9._-]/g, '_');
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${safe}"`).send(sent.body);
}

/** Negotiates first (a 406 costs no query), then computes the answer and sends it as asked. */
export async function respond<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  compute: () => Promise<T>,
  csv: CsvView<NoInfer<T>>,
): Promise<FastifyReply> {
  const as = representationOf(request);
  return sendAnswer(request, reply, as, await compute(), csv);
}
