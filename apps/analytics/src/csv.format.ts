import type { FastifyReply, FastifyRequest } from 'fastify';

type CsvValue = string | number | boolean | null | undefined;

/** One field, quoted per RFC 4180 when it holds a comma, a quote or a line break (quotes doubled). */
function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** True when the caller asks for CSV (Accept: text/csv). */
export function wantsCsv(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept);
}

/** Sends a CSV download with a safe file name. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${safe}"`).send(csv);
}
