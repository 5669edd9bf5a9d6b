import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { access } from '@chorus/service-kit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { WEB_DIST } from './build.js';

/**
 * The page's own policy (the API's is `default-src 'none'`): scripts and styles only from this origin, API calls and
 * streams to this origin, nothing framed. uPlot's inline styles are set through the CSSOM, which the policy allows.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * index.html (it names the hashed bundles of its build), re-read when the file changes: a build that finishes
 * after boot (npm start builds a stale app while the platform starts) is served from its first request.
 */
function indexPage(dist: string): () => Promise<string | null> {
  const file = join(dist, 'index.html');
  let kept: { mtimeMs: number; text: string } | null = null;
  return async () => {
    try {
      const { mtimeMs } = await stat(file);
      if (kept?.mtimeMs !== mtimeMs) kept = { mtimeMs, text: await readFile(file, 'utf8') };
      return kept.text;
    } catch {
      return null;
    }
  };
}

export interface WebOptions {
  /** The built app (dist/web); tests point it elsewhere. */
  dist?: string;
}

/**
 * Serves the built web app: hashed bundles under /assets (cached for a year), and index.html for every GET outside the
 * API's paths (the app's own routes, and `/` when a browser asks), never cached, under the page policy above.
 */
export const webPlugin: FastifyPluginAsync<WebOptions> = async (app, options) => {
  const dist = options.dist ?? WEB_DIST;
  const html = indexPage(dist);
  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    immutable: true,
    maxAge: '365d',
    // A miss under /assets answers the API's 404 problem instead of the page.
    allowedPath: (path) => !path.includes('\0'),
    schemaHide: true,
    config: access.public(),
  } as Parameters<typeof fastifyStatic>[1]);
  webPage = async (request, reply) => sendPage(request, reply, await html());
};

let webPage: ((request: FastifyRequest, reply: FastifyReply) => unknown) | undefined;

/** The page for client-side routes (the ServiceModule's `pages`): index.html once the plugin has read it. */
export function pages(request: FastifyRequest, reply: FastifyReply): unknown {
  if (!webPage) return reply.code(404).type('text/plain').send('Not found');
  return webPage(request, reply);
}

function sendPage(_request: FastifyRequest, reply: FastifyReply, html: string | null) {
  if (html === null) {
    return reply
      .code(503)
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(
        'The web app is being built (npm start builds it when missing or stale); reload in a few seconds. To build it yourself: npm run build:web -w @chorus/dashboard',
      );
  }
  return reply
    .header('content-security-policy', PAGE_CSP)
    .header('cache-control', 'no-cache')
    .header('cross-origin-resource-policy', 'same-origin')
    .type('text/html; charset=utf-8')
    .send(html);
}
