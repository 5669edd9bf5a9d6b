import Fastify from 'fastify';
import t from 'tap';
import { respond } from '../src/answer.format.js';

const Answer = { type: 'object', properties: { n: { type: 'integer' }, cells: { type: 'array', items: { type: 'string' } } }, required: ['n', 'cells'] };
const csv = { name: () => 'answer.csv', text: (a: { n: number }) => `n\r\n${a.n}\r\n` };

t.test('answers are serialized by the route schema, once per answer object', async (t) => {
  const app = Fastify();
  t.teardown(() => app.close());
  let current: Record<string, unknown> & { n: number } = { n: 1, cells: ['a'], secret: 'not in the schema' };
  app.get('/plain', { schema: { response: { 200: Answer } } }, async (request, reply) => respond(request, reply, async () => current, csv));
  app.get(
    '/typed',
    { schema: { response: { 200: { content: { 'application/json': { schema: Answer }, 'text/csv': { schema: { type: 'string' } } } } } } },
    async (request, reply) => respond(request, reply, async () => current, csv),
  );
  for (const url of ['/plain', '/typed']) {
    const first = await app.inject({ url });
    t.equal(first.statusCode, 200);
    t.match(first.headers['content-type'], /^application\/json; charset=utf-8/);
    t.same(first.json(), { n: 1, cells: ['a'] }, `${url}: what the schema does not declare is not sent`);
    // The same object again: the bytes kept from the first time, even if it were changed in place.
    (current.cells as string[]).push('changed in place');
    const again = await app.inject({ url });
    t.equal(again.body, first.body, `${url}: the same answer object is sent as first serialized`);
    t.equal(again.headers.etag, first.headers.etag, 'with the same ETag');
    (current.cells as string[]).pop();
  }
  current = { n: 2, cells: ['a', 'b'] };
  t.same((await app.inject({ url: '/plain' })).json(), { n: 2, cells: ['a', 'b'] }, 'a new answer object is serialized anew');
  t.same((await app.inject({ url: '/typed' })).json(), { n: 2, cells: ['a', 'b'] });
});

t.test('content negotiation, ETags and 304', async (t) => {
  const app = Fastify();
  t.teardown(() => app.close());
  const answer = { n: 7, cells: [] };
  app.get('/a', { schema: { response: { 200: Answer } } }, async (request, reply) => respond(request, reply, async () => answer, csv));
  const as = async (accept: string | undefined, query = '') => {
    const res = await app.inject({ url: `/a${query}`, headers: accept === undefined ? {} : { accept } });
    return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body, etag: res.headers.etag as string, res };
  };
  t.match((await as(undefined)).type, /^application\/json/, 'no Accept: JSON');
  t.match((await as('*/*')).type, /^application\/json/);
  t.match((await as('text/csv')).type, /^text\/csv/);
  t.match((await as('text/*')).type, /^text\/csv/, 'text/* is CSV');
  t.match((await as('application/json, text/csv')).type, /^application\/json/, 'a tie goes to JSON');
  t.match((await as('application/json;q=0.5, text/csv')).type, /^text\/csv/, 'by quality');
  t.match((await as('application/json;q=0, */*')).type, /^text\/csv/, 'q=0 refuses');
  t.match((await as('application/xml', '?format=csv')).type, /^text\/csv/, 'format wins over Accept');
  for (const accept of ['application/xml', 'text/html', 'application/json;q=0', 'image/*']) {
    const refused = await as(accept);
    t.equal(refused.status, 406, `${accept}: 406`);
  }
  const json = await as(undefined);
  const csvAnswer = await as('text/csv');
  t.ok(/^"[A-Za-z0-9_-]{27}"$/.test(json.etag), 'a strong ETag');
  t.not(json.etag, csvAnswer.etag, 'each representation has its own');
  t.equal(json.res.headers.vary, 'Accept');
  for (const [accept, tag] of [
    [undefined, json.etag],
    ['text/csv', csvAnswer.etag],
  ] as const) {
    for (const header of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
      const res = await app.inject({ url: '/a', headers: { 'if-none-match': header, ...(accept ? { accept } : {}) } });
      t.equal(res.statusCode, 304, `If-None-Match ${header}: 304`);
      t.equal(res.body, '', 'without a body');
      t.equal(res.headers.etag, tag, 'with the ETag');
    }
  }
  t.equal((await app.inject({ url: '/a', headers: { 'if-none-match': csvAnswer.etag } })).statusCode, 200, "the CSV's tag does not validate the JSON");
  t.equal((await app.inject({ url: '/a', headers: { 'if-none-match': '"stale"' } })).statusCode, 200);
});
