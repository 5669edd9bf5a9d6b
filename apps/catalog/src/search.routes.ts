import { errorResponses } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
import { SearchQuery, SearchResultSchema, type TypeBoxProvider } from './catalog.schemas.js';
import { search } from './search.service.js';

/** Public catalog search. */
export async function searchRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxProvider>();
  const { db } = app.deps;

  app.get(
    '/v1/search',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search artists, releases and tracks by name',
        description: 'Case- and accent-insensitive ("bjork" finds "Björk"); exact matches first, then prefixes, then the rest. Only the asked kinds are answered.',
        security: [],
        querystring: SearchQuery,
        response: { 200: SearchResultSchema, ...errorResponses() },
      },
    },
    async (request) => search(db, request.query),
  );
}
