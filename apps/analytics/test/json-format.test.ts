import Fastify from 'fastify';
import t from 'tap';
import { sendJson } from '../src/json.format.js';

const Answer = { type: 'object', properties: { n: { type: 'integer' }, cells: { type: 'array', items: { type: 'string' } } }, required: ['n', 'cells'] };

t.test('sendJson serializes by the route schema, once per answer object', async (t) => {
  const app = Fastify();
  t.teardown(() => app.close());
  let current: Record<string, unknown> = { n: 1, cells: ['a'], secret: 'not in the schema' };
  app.get('/plain', { schema: { response: { 200: Answer } } }, async (_request, reply) => sendJson(reply, current));
  app.get(
    '/typed',
    { schema: { response: { 200: { content: { 'application/json': { schema: Answer }, 'text/csv': { schema: { type: 'string' } } } } } } },
    async (_request, reply) => sendJson(reply, current),
  );
  for (const url of ['/plain', '/typed']) {
    const first = await app.inject({ url });
    t.equal(first.statusCode, 200);
    t.match(first.headers['content-type'], /^application\/json; charset=utf-8/);
    t.same(first.json(), { n: 1, cells: ['a'] }, `${url}: what the schema does not declare is not sent`);
    // The same object again: the bytes kept from the first time, even if it were changed in place.
    (current.cells as string[]).push('changed in place');
    t.equal((await app.inject({ url })).body, first.body, `${url}: the same answer object is sent as first serialized`);
    (current.cells as string[]).pop();
  }
  current = { n: 2, cells: ['a', 'b'] };
  t.same((await app.inject({ url: '/plain' })).json(), { n: 2, cells: ['a', 'b'] }, 'a new answer object is serialized anew');
  t.same((await app.inject({ url: '/typed' })).json(), { n: 2, cells: ['a', 'b'] });
});
