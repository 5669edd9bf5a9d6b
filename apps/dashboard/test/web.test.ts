import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceModule } from '@chorus/service-kit';
import { createTestApp } from '@chorus/service-kit/testing';
import t from 'tap';
import { PAGE_CSP, webService } from '../src/index.js';

const PAGE = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="app"></div></body></html>';

t.test('the platform serves the web app beside the API', async (t) => {
  const dist = await mkdtemp(join(tmpdir(), 'chorus-web-'));
  t.teardown(() => rm(dist, { recursive: true, force: true }));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), PAGE);
  await writeFile(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("chorus")');
  const web: ServiceModule = webService({ dist });
  const { app } = await createTestApp(t, [web]);

  t.test('a browser opening / gets the page, under the page policy, never cached', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^text\/html/);
    t.equal(res.body, PAGE);
    t.equal(res.headers['content-security-policy'], PAGE_CSP);
    t.match(PAGE_CSP, /script-src 'self'/);
    t.notMatch(PAGE_CSP, /unsafe-inline|unsafe-eval/, 'no inline script or eval allowed');
    t.equal(res.headers['cache-control'], 'no-cache');
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });

  t.test('an API client asking / still gets the links', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { accept: 'application/json' } });
    t.equal(res.statusCode, 200);
    t.match(res.json(), { name: 'Chorus API', links: { docs: '/docs' } });
    const none = await app.inject({ method: 'GET', url: '/' });
    t.match(none.json(), { name: 'Chorus API' }, 'no Accept: JSON');
  });

  t.test("the app's own addresses load the page (reload, shared links)", async (t) => {
    for (const url of ['/artists/0196f1a0-0000-7000-8000-000000000001/tracks?range=7d', '/playlists', '/account', '/some/unknown/page']) {
      const res = await app.inject({ method: 'GET', url });
      t.equal(res.statusCode, 200, url);
      t.equal(res.body, PAGE, url);
    }
    const head = await app.inject({ method: 'HEAD', url: '/partners' });
    t.equal(head.statusCode, 200);
  });

  t.test('API paths keep their problem+json answers', async (t) => {
    for (const url of ['/v1/nothing-here', '/1/nothing', '/oauth/nothing', '/.well-known/nothing', '/device/x/y']) {
      const res = await app.inject({ method: 'GET', url });
      t.equal(res.statusCode, 404, url);
      t.match(res.headers['content-type'], /application\/problem\+json/, url);
    }
    const post = await app.inject({ method: 'POST', url: '/playlists', payload: {} });
    t.equal(post.statusCode, 404, 'only GET and HEAD get the page');
    t.match(post.headers['content-type'], /problem\+json/);
  });

  t.test('bundles are cached for a year; a missing one is a 404, never the page', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    t.equal(res.statusCode, 200);
    t.match(res.headers['cache-control'], /max-age=31536000.*immutable/);
    const missing = await app.inject({ method: 'GET', url: '/assets/app-000000.js' });
    t.equal(missing.statusCode, 404);
    t.not(missing.body, PAGE);
    const outside = await app.inject({ method: 'GET', url: '/assets/..%2f..%2findex.html' });
    t.not(outside.statusCode, 200, 'no way out of the assets folder');
  });

  t.test('the web app is not in the API document', async (t) => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    t.notOk(
      (doc.tags as Array<{ name: string }>).some((tag) => tag.name === 'web'),
      'no tag',
    );
    t.notOk(
      Object.keys(doc.paths).some((path) => path.startsWith('/assets')),
      'no asset routes',
    );
  });
});

t.test('before the app is built, the page says so', async (t) => {
  const dist = await mkdtemp(join(tmpdir(), 'chorus-web-empty-'));
  t.teardown(() => rm(dist, { recursive: true, force: true }));
  const web: ServiceModule = webService({ dist });
  const { app } = await createTestApp(t, [web]);
  const res = await app.inject({ method: 'GET', url: '/artists' });
  t.equal(res.statusCode, 503);
  t.match(res.body, /being built/);
  await writeFile(join(dist, 'index.html'), PAGE);
  const later = await app.inject({ method: 'GET', url: '/artists' });
  t.equal(later.statusCode, 200, 'a build that lands after boot is served at once');
  t.equal(later.body, PAGE);
});
