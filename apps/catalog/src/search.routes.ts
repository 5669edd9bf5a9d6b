import { access, errorResponses, type RoutePlugin } from '@chorus/service-kit';
import { SearchQuery, SearchResultSchema } from './catalog.schemas.js';
import { search } from './search.service.js';

/** Public catalog search. */
export const searchRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.get(
    '/v1/search',
    {
      config: access.public(),
      schema: {
        tags: ['catalog'],
        summary: 'Search artists, releases and tracks by name',
        description:
          'Case- and accent-insensitive ("bjork" finds "Björk"); exact matches first, then prefixes, then the rest. Only the asked kinds are answered.',
        querystring: SearchQuery,
        response: { 200: SearchResultSchema, ...errorResponses() },
      },
    },
    async (request) => search(db, request.query),
  );
};
