import { type LookupAddress, promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { StringDecoder } from 'node:string_decoder';

// Where a server-side request must never go: loopback, private, link-local (the cloud metadata address
// 169.254.169.254 among them), CGNAT (Alibaba's metadata 100.100.100.200), multicast, reserved and documentation
// ranges, and the IPv6 forms that embed or route to IPv4 (mapped addresses are checked as IPv4 by BlockList).
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback and IPv4-compatible
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local (AWS's metadata fd00:ec2::254 among them)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
];
const BLOCKED = new BlockList();
for (const [network, prefix] of BLOCKED_V4) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_V6) BLOCKED.addSubnet(network, prefix, 'ipv6');

/** True for an IP address a server may send to: not loopback, private, link-local, CGNAT, multicast, reserved or metadata. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && !BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL may not be used, or null when it may (a host name is checked again after DNS at every delivery). */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'must use https';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.hash) return 'must not have a fragment';
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (isIP(host)) return isPublicAddress(host) ? null : 'points to a loopback, private, link-local or reserved address';
  // Single-label names resolve through search domains to internal hosts; localhost is loopback by definition.
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost')) return 'must name a public host';
  return null;
}

function hostOf(url: URL): string {
  const host = url.hostname.toLowerCase();
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

/** A connection refused because the host resolved to an address a server must not reach. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  readonly code = 'ERR_REFUSED_ADDRESS';
  constructor(
    host: string,
    /** Kept out of the message, which the endpoint's owner reads: it would map internal names to addresses. */
    readonly address: string,
  ) {
    super(`${host} resolves to a loopback, private, link-local or reserved address`);
  }
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) => dns.lookup(host, { all: true, verbatim: true });

/**
 * A `lookup` for http(s).request that refuses a host when any of its addresses is internal, and hands the socket
 * the very address it checked, so a second DNS answer (rebinding) cannot slip in between the check and the connect.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (addresses: LookupAddress[]) => {
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      const usable = addresses.filter((a) => !options.family || a.family === options.family);
      if (refused) callback(new RefusedAddressError(hostname, refused.address), '', 0);
      else if (usable.length === 0) callback(Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }), '', 0);
      else if (options.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    };
    resolve(hostname).then(answer, (error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

export interface OutboundOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** How much of the answer's body to keep (default 1 KiB); the rest is never read. */
  maxBodyBytes?: number;
  /** Name resolution (tests); the system's otherwise. */
  resolve?: Resolver;
}

export type OutboundError = 'timeout' | 'connection' | 'refused_address';

/** What came of one request: a status, or the error that stopped it. */
export interface OutboundAnswer {
  status?: number;
  /** The answer's Retry-After in milliseconds, when it gave one. */
  retryAfterMs?: number;
  /** The start of the answer's body, as text without NUL characters. */
  body: string;
  error?: OutboundError;
  /** What went wrong in a few words (an error code or message), for the owner's delivery log. */
  detail?: string;
  latencyMs: number;
}

// Keep-alive pools: a busy endpoint is sent to over a few warm connections instead of a handshake per event.
// Idle pooled sockets are unreferenced by node, so they never hold a process open.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32, maxTotalSockets: 1024 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32, maxTotalSockets: 1024 }),
};

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value) * 1000;
  // An HTTP date ends in GMT; Date.parse alone would take '-5' or '1.5' for dates.
  if (value.length > 64 || !value.endsWith(' GMT')) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function clean(text: string): string {
  return text.replaceAll('\u0000', '');
}

/** At most `max` bytes of a body as text: never a split character, and without NUL. */
function truncatedText(bytes: Buffer, max: number): string {
  // The decoder holds back a character cut at the end instead of turning it into U+FFFD.
  let text = clean(new StringDecoder('utf8').write(bytes.subarray(0, max)));
  // Invalid bytes decode to U+FFFD, three bytes each: trim until it fits again.
  while (Buffer.byteLength(text) > max) text = text.slice(0, -1);
  return text;
}

/**
 * POSTs a body to a URL under the outbound rules: https only and public addresses only (unless allowPrivate),
 * checked after DNS on the address actually connected to; no redirects followed; one deadline for connecting,
 * sending and reading the status and the first bytes of the answer. Never rejects: failures come back as answers.
 */
export function postJson(target: string, body: string, headers: Record<string, string>, options: OutboundOptions): Promise<OutboundAnswer> {
  const started = performance.now();
  const maxBody = options.maxBodyBytes ?? 1024;
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (answer: Omit<OutboundAnswer, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, latencyMs: Math.round(performance.now() - started) });
    };
    const problem = webhookUrlProblem(target, options.allowPrivate);
    if (problem) {
      finish({ error: 'refused_address', detail: `the URL ${problem}`, body: '' });
      return;
    }
    const url = new URL(target);
    const transport = url.protocol === 'https:' ? https : http;
    let status: number | undefined;
    let retryAfter: number | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const answered = () =>
      finish({ status, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}), body: truncatedText(Buffer.concat(chunks), maxBody) });
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        agent: agents[url.protocol as 'http:' | 'https:'],
        lookup: guardedLookup(options.allowPrivate, options.resolve),
      },
      (response) => {
        status = response.statusCode;
        retryAfter = retryAfterMs(response.headers['retry-after']);
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough for the log: the rest is not read, and the connection is dropped rather than drained.
          if (size >= maxBody) {
            answered();
            response.destroy();
          }
        });
        response.on('end', answered);
        response.on('error', answered);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (status !== undefined) answered();
      else if (error instanceof RefusedAddressError) finish({ error: 'refused_address', detail: clean(error.message), body: '' });
      else finish({ error: 'connection', detail: clean(error.code ?? error.message).slice(0, 200), body: '' });
    });
    timer = setTimeout(() => {
      // A status that came in time counts; only the body was slow.
      if (status !== undefined) answered();
      else finish({ error: 'timeout', detail: `no answer within ${options.timeoutMs} ms`, body: '' });
      request.destroy();
    }, options.timeoutMs);
    request.end(body);
  });
}
