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
 * The web app's plugin and its page handler, sharing one reader of index.html. The plugin serves the hashed bundles
 * under /assets (cached for a year); `pages` answers index.html, never cached and under the page policy above, for
 * every GET outside the API's paths (the app's own routes, and `/` when a browser asks).
 */
export function webServing(options: WebOptions = {}): { plugin: FastifyPluginAsync; pages: (request: FastifyRequest, reply: FastifyReply) => unknown } {
  const dist = options.dist ?? WEB_DIST;
  const html = indexPage(dist);
  const plugin: FastifyPluginAsync = async (app) => {
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
  };
  return { plugin, pages: async (_request, reply) => sendPage(reply, await html()) };
}

function sendPage(reply: FastifyReply, html: string | null) {
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
