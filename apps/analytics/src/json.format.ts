import type { FastifyReply } from 'fastify';

/**
 * The JSON text of answers already sent, by answer object. The statistics cache hands out the same object on
 * every hit until the answer changes, so a hit costs a lookup instead of a serialization: what a hit costs then
 * no longer grows with the size of the answer (a large audience or a long timeseries). Entries go with their
 * answers: a weak map holds no answer alive.
 */
const serialized = new WeakMap<object, Buffer>();

/** Sends `answer` as the route's 200 JSON, serialized by the route's response schema once per answer object. */
export function sendJson(reply: FastifyReply, answer: object): FastifyReply {
  let body = serialized.get(answer);
  if (body === undefined) {
    // Routes that also answer CSV declare their 200 response per media type.
    const byType = reply.getSerializationFunction('200', 'application/json');
    const serialize = typeof byType === 'function' ? byType : reply.getSerializationFunction('200');
    body = Buffer.from(typeof serialize === 'function' ? serialize(answer as Record<string, unknown>) : JSON.stringify(answer));
    serialized.set(answer, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
