import { access, errorResponses, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { HandleParams, ProfileSchema, UpdateMeBody, UserSchema } from './auth.schemas.js';
import { publicProfile, updateMe } from './users.service.js';

const tags = ['identity'];

/** Public profiles by handle, and changes to one's own. */
export const usersRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;
  app.get(
    '/v1/users/:handle',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'A public profile',
        description: 'Anyone may read it: the display name, the handle, whether the listening history is public, and the public playlists the person owns.',
        params: HandleParams,
        response: { 200: ProfileSchema, ...errorResponses(404) },
      },
    },
    async (request) => publicProfile(db, request.params.handle),
  );

  app.patch(
    '/v1/me',
    {
      config: access.user('profile:write'),
      schema: {
        tags,
        summary: 'Change your profile',
        description: 'Changes only the fields sent. `null` removes a birth year or gender. A handle someone else has answers 409 `handle_taken`.',
        body: UpdateMeBody,
        response: { 200: UserSchema, ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => updateMe(db, requirePrincipal(request).userId, request.body),
  );
};
