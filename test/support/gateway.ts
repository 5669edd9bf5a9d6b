import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Agent, createServer, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A path-routing gateway for tests that reads infra/gateway/nginx.conf and routes as nginx would, for the subset of
 * directives that file uses. Anything outside the subset fails at parse time, so the file cannot silently route
 * differently here than in nginx. Bodies stream both ways (SSE included). What the gateway answers itself carries
 * `x-gateway` (no-route, bad-gateway, timeout, too-large, bad-request, redirect, return, file); what a service
 * answered carries `x-gateway-upstream` with the upstream's name.
 */

// ---- the configuration file -----------------------------------------------------------------------------------

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '{' || c === '}' || c === ';') tokens.push(text[i++]!);
    else if (c === '"' || c === "'") {
      let value = '';
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[++i]!;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
        } else value += text[i];
      }
      if (i >= text.length) throw new Error('nginx.conf: unterminated string');
      i++;
      // A quoted token is never a brace or a semicolon; mark it so a quoted ";" stays a value.
      tokens.push(`\0${value}`);
    } else {
      let word = '';
      while (i < text.length && !/[\s;{]/.test(text[i]!)) word += text[i++];
      tokens.push(word);
    }
  }
  return tokens;
}

function parseBlock(tokens: string[], at: { i: number }, nested: boolean): Directive[] {
  const directives: Directive[] = [];
  for (;;) {
    const token = tokens[at.i++];
    if (token === undefined) {
      if (nested) throw new Error('nginx.conf: a block is not closed');
      return directives;
    }
    if (token === '}') {
      if (!nested) throw new Error('nginx.conf: unexpected }');
      return directives;
    }
    if (token === '{' || token === ';') throw new Error(`nginx.conf: unexpected ${token}`);
    const args: string[] = [];
    for (;;) {
      const next = tokens[at.i++];
      if (next === undefined) throw new Error(`nginx.conf: ${token} is not terminated`);
      if (next === ';') {
        directives.push({ name: token, args: args.map(unquote) });
        break;
      }
      if (next === '{') {
        directives.push({ name: token, args: args.map(unquote), block: parseBlock(tokens, at, true) });
        break;
      }
      if (next === '}') throw new Error(`nginx.conf: ${token} is not terminated`);
      args.push(next);
    }
  }
}

const unquote = (token: string) => (token.startsWith('\0') ? token.slice(1) : token);

export interface Upstream {
  name: string;
  /** host:port as the file names them (container names in the compose network). */
  servers: string[];
  keepalive: number;
}

export interface Condition {
  variable: string;
  operator: '=' | '!=';
  value: string;
}

/** What a location (or an `if` inside it) does with a request. */
export interface Handling {
  proxyPass?: string;
  /** `return CODE [text]`. */
  returns?: { status: number; text: string };
  alias?: string;
  defaultType?: string;
  /** proxy_buffering: off for Server-Sent Events (this gateway always streams; nginx buffers unless told). */
  buffering: boolean;
  /** proxy_read_timeout in ms (nginx's default: 60 s). */
  readTimeoutMs: number;
  setHeaders: Array<[name: string, value: string]>;
}

export interface Location extends Handling {
  modifier: '=' | '^~' | '~' | '~*' | '';
  /** As written: the path, or the regular expression's source. */
  pattern: string;
  regex?: RegExp;
  ifs: Array<{ condition: Condition; handling: Handling }>;
}

export interface GatewayConfig {
  upstreams: Map<string, Upstream>;
  clientMaxBodySize: number;
  /** Prefix and exact locations, and regular expressions in file order. */
  locations: Location[];
}

function size(value: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value);
  if (!m) throw new Error(`nginx.conf: bad size ${value}`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

function duration(value: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(value);
  if (!m) throw new Error(`nginx.conf: bad time ${value}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
}

function expectArgs(d: Directive, count: number) {
  if (d.args.length !== count) throw new Error(`nginx.conf: ${d.name} takes ${count} argument(s), got ${d.args.join(' ')}`);
}

const KNOWN_VARIABLES = new Set(['host', 'remote_addr', 'request_id', 'scheme', 'request_method', 'proxy_add_x_forwarded_for']);

/** Reads the handling directives of a server, location or if block; `inherited` is what the enclosing level set. */
function handling(directives: Directive[], inherited: Handling, where: string, onOther: (d: Directive) => boolean): Handling {
  const own: Handling = { ...inherited, setHeaders: inherited.setHeaders };
  let ownHeaders: Array<[string, string]> | undefined;
  for (const d of directives) {
    switch (d.name) {
      case 'proxy_pass': {
        expectArgs(d, 1);
        const m = /^http:\/\/([A-Za-z0-9_.-]+)$/.exec(d.args[0]!);
        if (!m) throw new Error(`nginx.conf: proxy_pass ${d.args[0]} in ${where}: only http://<upstream> (no URI part) is supported`);
        own.proxyPass = m[1];
        break;
      }
      case 'return': {
        const status = Number(d.args[0]);
        if (!Number.isInteger(status) || d.args.length > 2) throw new Error(`nginx.conf: return ${d.args.join(' ')} in ${where}`);
        own.returns = { status, text: d.args[1] ?? '' };
        break;
      }
      case 'alias':
        expectArgs(d, 1);
        own.alias = d.args[0];
        break;
      case 'default_type':
        expectArgs(d, 1);
        own.defaultType = d.args[0];
        break;
      case 'proxy_buffering':
        expectArgs(d, 1);
        own.buffering = d.args[0] === 'on';
        break;
      case 'proxy_read_timeout':
        expectArgs(d, 1);
        own.readTimeoutMs = duration(d.args[0]!);
        break;
      case 'proxy_set_header':
        expectArgs(d, 2);
        // nginx: a level with any proxy_set_header of its own inherits none from above.
        ownHeaders ??= [];
        for (const [, name] of d.args[1]!.matchAll(/\$([a-z_]+)/g)) {
          if (!KNOWN_VARIABLES.has(name!) && !name!.startsWith('http_'))
            throw new Error(`nginx.conf: $${name} in ${where} is not a variable test/support/gateway.ts knows`);
        }
        ownHeaders.push([d.args[0]!.toLowerCase(), d.args[1]!]);
        break;
      case 'proxy_http_version':
        if (d.args[0] !== '1.1') throw new Error('nginx.conf: only proxy_http_version 1.1 is supported');
        break;
      default:
        if (!onOther(d)) throw new Error(`nginx.conf: ${d.name} in ${where} is outside what test/support/gateway.ts understands`);
    }
  }
  if (ownHeaders) own.setHeaders = ownHeaders;
  return own;
}

/** Parses the subset of nginx.conf the production gateway uses: one http block with upstreams and one server. */
export function parseNginxConf(text: string): GatewayConfig {
  const top = parseBlock(tokenize(text), { i: 0 }, false);
  const http = top.filter((d) => d.name === 'http');
  if (http.length !== 1 || !http[0]!.block) throw new Error('nginx.conf: expected one http block');
  for (const d of top) if (d.name !== 'http' && d.name !== 'events') throw new Error(`nginx.conf: ${d.name} at the top level is not supported`);

  const upstreams = new Map<string, Upstream>();
  let clientMaxBodySize = 1024 * 1024;
  const servers: Directive[] = [];
  const httpLevel = handling(
    http[0]!.block.filter((d) => d.name !== 'upstream' && d.name !== 'server'),
    { buffering: true, readTimeoutMs: 60_000, setHeaders: [] },
    'http',
    (d) => {
      if (d.name !== 'client_max_body_size') return false;
      expectArgs(d, 1);
      clientMaxBodySize = size(d.args[0]!);
      return true;
    },
  );
  for (const d of http[0]!.block) {
    if (d.name === 'upstream') {
      expectArgs(d, 1);
      const upstream: Upstream = { name: d.args[0]!, servers: [], keepalive: 0 };
      for (const inner of d.block ?? []) {
        if (inner.name === 'server') upstream.servers.push(inner.args[0]!);
        else if (inner.name === 'keepalive') upstream.keepalive = Number(inner.args[0]);
        else throw new Error(`nginx.conf: ${inner.name} in upstream ${upstream.name} is not supported`);
      }
      if (!upstream.servers.length) throw new Error(`nginx.conf: upstream ${upstream.name} has no server`);
      upstreams.set(upstream.name, upstream);
    } else if (d.name === 'server') servers.push(d);
  }
  if (servers.length !== 1) throw new Error('nginx.conf: expected one server block');

  const locations: Location[] = [];
  const serverLevel = handling(
    servers[0]!.block!.filter((d) => d.name !== 'location'),
    httpLevel,
    'server',
    (d) => d.name === 'listen',
  );
  for (const d of servers[0]!.block!) {
    if (d.name !== 'location') continue;
    const [first, second] = d.args;
    const modifier = (d.args.length === 2 ? first : '') as Location['modifier'];
    const pattern = (d.args.length === 2 ? second : first)!;
    if (!['=', '^~', '~', '~*', ''].includes(modifier) || d.args.length > 2 || !d.block) {
      throw new Error(`nginx.conf: location ${d.args.join(' ')} is not supported`);
    }
    const where = `location ${d.args.join(' ')}`;
    const ifBlocks: Directive[] = [];
    const own = handling(d.block, serverLevel, where, (inner) => inner.name === 'if' && Boolean(inner.block) && ifBlocks.push(inner) > 0);
    // An if block inherits the location's settings; what it sets itself wins.
    const ifs: Location['ifs'] = ifBlocks.map((inner) => {
      const m = /^\(\s*(\$[a-z_]+)\s+(=|!=)\s+(\S+?)\s*\)$/.exec(inner.args.join(' '));
      if (m?.[1] !== '$request_method') throw new Error(`nginx.conf: if ${inner.args.join(' ')} in ${where}: only ($request_method = X) is supported`);
      return {
        condition: { variable: m[1], operator: m[2] as '=' | '!=', value: m[3]! },
        handling: handling(inner.block!, { ...own, setHeaders: own.setHeaders }, `if in ${where}`, () => false),
      };
    });
    if (!own.proxyPass && !own.returns && !own.alias) throw new Error(`nginx.conf: ${where} neither proxies, returns nor serves a file`);
    for (const name of [own.proxyPass, ...ifs.map((b) => b.handling.proxyPass)]) {
      if (name && !upstreams.has(name)) throw new Error(`nginx.conf: ${where} proxies to ${name}, which no upstream block defines`);
    }
    const regex = modifier === '~' || modifier === '~*' ? new RegExp(pattern, modifier === '~*' ? 'i' : '') : undefined;
    locations.push({ ...own, modifier, pattern, ...(regex ? { regex } : {}), ifs });
  }
  return { upstreams, clientMaxBodySize, locations };
}

// ---- nginx's choice of location ---------------------------------------------------------------------------------

/** The URI as nginx matches it: percent-decoded, slashes merged, dot segments resolved; undefined when invalid (400). */
export function normalizeUri(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return undefined;
  const out: string[] = [];
  const parts = decoded
    .replace(/\/{2,}/g, '/')
    .split('/')
    .slice(1);
  for (const [i, part] of parts.entries()) {
    if (part === '.') {
      if (i === parts.length - 1) out.push('');
    } else if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
      if (i === parts.length - 1) out.push('');
    } else out.push(part);
  }
  return `/${out.join('/')}`;
}

export type Match = { kind: 'location'; location: Location } | { kind: 'redirect'; location: Location } | { kind: 'none' };

/**
 * nginx's order (https://nginx.org/en/docs/http/ngx_http_core_module.html#location): an exact `=` match ends the
 * search; else the longest matching prefix is remembered and, when it is `^~`, used; else the regular expressions are
 * tried in file order, the first match winning; else the remembered prefix. A request for a proxied prefix location's
 * name without its trailing slash is redirected there (301), unless an exact location names it.
 */
export function findLocation(config: GatewayConfig, uri: string): Match {
  const exact = config.locations.find((l) => l.modifier === '=' && l.pattern === uri);
  if (exact) return { kind: 'location', location: exact };
  let longest: Location | undefined;
  for (const l of config.locations) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern) && (!longest || l.pattern.length > longest.pattern.length)) longest = l;
  }
  const redirect = config.locations.find(
    (l) => (l.modifier === '' || l.modifier === '^~') && l.pattern === `${uri}/` && (l.proxyPass || l.ifs.some((b) => b.handling.proxyPass)),
  );
  if (redirect) return { kind: 'redirect', location: redirect };
  if (longest?.modifier === '^~') return { kind: 'location', location: longest };
  const regex = config.locations.find((l) => l.regex?.test(uri));
  if (regex) return { kind: 'location', location: regex };
  return longest ? { kind: 'location', location: longest } : { kind: 'none' };
}

/** What a location does with this method: its first `if` that holds, else the location itself. */
export function handlingFor(location: Location, method: string): Handling {
  for (const branch of location.ifs) {
    const holds = method === branch.condition.value;
    if (branch.condition.operator === '=' ? holds : !holds) return branch.handling;
  }
  return location;
}

/** Which upstream (or what else) answers `method path` under this configuration. */
export function routeOf(config: GatewayConfig, method: string, path: string): string {
  const uri = normalizeUri(path.split('?')[0]!);
  if (uri === undefined) return 'bad-request';
  const match = findLocation(config, uri);
  if (match.kind === 'none') return 'no-route';
  if (match.kind === 'redirect') return 'redirect';
  const h = handlingFor(match.location, method);
  return h.returns ? 'return' : h.alias ? 'file' : h.proxyPass!;
}

// ---- the server ---------------------------------------------------------------------------------------------------

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
// nginx hides these upstream headers from the client by default (proxy_hide_header's defaults).
const HIDDEN = new Set(['x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset', 'x-pad', 'date', 'server']);

export interface GatewayOptions {
  /** The nginx.conf text. */
  conf: string;
  /** Where each upstream name really is: http://127.0.0.1:PORT (one or more; taken in turn). */
  upstreams: Record<string, string | string[]>;
  /** Files an `alias` may name, mapped to where they are here (as compose mounts them). */
  files?: Record<string, string>;
}

export interface Gateway {
  url: string;
  config: GatewayConfig;
  server: Server;
  close(): Promise<void>;
}

function own(res: ServerResponse, status: number, kind: string, text: string, extra: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain', 'x-gateway': kind, 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function variables(req: IncomingMessage, requestId: string): Record<string, string> {
  const remote = req.socket.remoteAddress ?? '';
  // $host: the Host header's name, lower case, without the port.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const forwarded = req.headers['x-forwarded-for'];
  return {
    host,
    remote_addr: remote,
    request_id: requestId,
    scheme: 'http',
    request_method: req.method ?? 'GET',
    proxy_add_x_forwarded_for: forwarded ? `${forwarded}, ${remote}` : remote,
    // $http_<name>: a request header, as received.
    ...Object.fromEntries(
      Object.entries(req.headers).map(([key, value]) => [`http_${key.replace(/-/g, '_')}`, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
    ),
  };
}

function expand(value: string, vars: Record<string, string>): string {
  return value.replace(/\$([a-z_]+)/g, (_, name: string) => {
    // Checked at parse time; a header the request lacks is empty, as in nginx.
    return vars[name] ?? '';
  });
}

/** Starts the gateway on a free loopback port. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const config = parseNginxConf(options.conf);
  const targets = new Map<string, { urls: URL[]; next: number; agent: Agent }>();
  for (const [name, upstream] of config.upstreams) {
    const given = options.upstreams[name];
    if (!given) throw new Error(`gateway: nginx.conf names upstream ${name}, but nothing runs it here`);
    const urls = (Array.isArray(given) ? given : [given]).map((u) => new URL(u));
    targets.set(name, { urls, next: 0, agent: new Agent({ keepAlive: upstream.keepalive > 0, maxFreeSockets: Math.max(upstream.keepalive, 1) }) });
  }

  const server = createServer((req, res) => {
    const raw = req.url ?? '/';
    const rawPath = raw.split('?')[0]!;
    const uri = normalizeUri(rawPath);
    if (uri === undefined) return own(res, 400, 'bad-request', 'bad request\n');
    const match = findLocation(config, uri);
    if (match.kind === 'none') return own(res, 404, 'no-route', `no location for ${uri}\n`);
    if (match.kind === 'redirect') {
      const query = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '';
      return own(res, 301, 'redirect', 'moved\n', { location: `http://${req.headers.host}${uri}/${query}` });
    }
    const h = handlingFor(match.location, req.method ?? 'GET');
    if (h.returns) return own(res, h.returns.status, 'return', h.returns.text, h.defaultType ? { 'content-type': h.defaultType } : {});
    if (h.alias) {
      const file = options.files?.[h.alias];
      if (!file) return own(res, 404, 'file', `${h.alias} is not mapped\n`);
      res.writeHead(200, { 'content-type': h.defaultType ?? 'text/plain', 'content-length': statSync(file).size, 'x-gateway': 'file' });
      createReadStream(file).pipe(res);
      return;
    }

    const declared = Number(req.headers['content-length'] ?? 0);
    if (config.clientMaxBodySize > 0 && declared > config.clientMaxBodySize) return own(res, 413, 'too-large', 'request entity too large\n');

    const name = h.proxyPass!;
    const target = targets.get(name)!;
    const url = target.urls[target.next++ % target.urls.length]!;
    const vars = variables(req, randomBytes(16).toString('hex'));
    const headers: IncomingHttpHeaders = {};
    for (const [key, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(key) && value !== undefined) headers[key] = value;
    // nginx's defaults (Host $proxy_host, Connection close), then the file's: an empty value removes the header.
    headers.host = url.host;
    for (const [key, value] of h.setHeaders) {
      const expanded = expand(value, vars);
      if (expanded === '') delete headers[key];
      else headers[key] = expanded;
    }
    if (req.headers['transfer-encoding']) headers['transfer-encoding'] = 'chunked';

    const upstream = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: raw, headers, agent: target.agent }, (answer) => {
      const out: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(key) && !HIDDEN.has(key) && value !== undefined) out[key] = value;
      out['x-gateway-upstream'] = name;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
      // Server-Sent Events: the headers go at once, and every chunk as it comes.
      res.flushHeaders();
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.setTimeout(h.readTimeoutMs, () => {
      upstream.destroy(new Error('timeout'));
    });
    upstream.on('error', (error) => {
      if ((error as Error).message === 'timeout') own(res, 504, 'timeout', 'gateway timeout\n');
      else own(res, 502, 'bad-gateway', `${name}: ${(error as NodeJS.ErrnoException).code ?? error.message}\n`);
    });
    // A client that goes away (an SSE reader closing) closes the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    let sent = 0;
    req.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (config.clientMaxBodySize > 0 && sent > config.clientMaxBodySize) {
        upstream.destroy();
        own(res, 413, 'too-large', 'request entity too large\n');
      }
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const target of targets.values()) target.agent.destroy();
    },
  };
}

/** The gateway of infra/, routing to the given upstreams. */
export function startInfraGateway(upstreams: GatewayOptions['upstreams']): Promise<Gateway> {
  const root = new URL('../../', import.meta.url);
  return startGateway({
    conf: readFileSync(new URL('infra/gateway/nginx.conf', root), 'utf8'),
    upstreams,
    files: { '/usr/share/chorus/chorus.openapi.json': new URL('openapi/chorus.openapi.json', root).pathname },
  });
}
