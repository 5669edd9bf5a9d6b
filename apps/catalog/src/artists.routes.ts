import { bearerSecurity, errorResponses, guard, IdParams, requirePrincipal } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createArtist, getArtist, updateArtist } from './artists.service.js';
import {
  AddMemberBody,
  ArtistDetailSchema,
  ArtistMemberParams,
  ArtistSchema,
  ChangeMemberBody,
  CreateArtistBody,
  MemberPage,
  MemberSchema,
  type TypeBoxProvider,
  UpdateArtistBody,
} from './catalog.schemas.js';
import { addMember, changeMemberRole, listMembers, removeMember } from './members.service.js';

const tags = ['catalog'];

/** Artist profiles and their teams. */
export async function artistRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxProvider>();
  const { db } = app.deps;

  app.post(
    '/v1/artists',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Create an artist; you become the admin of its team',
        security: bearerSecurity(),
        body: CreateArtistBody,
        response: { 201: ArtistSchema, ...errorResponses(401, 413, 415) },
      },
    },
    async (request, reply) => {
      const artist = await createArtist(db, requirePrincipal(request), request.body);
      return reply.code(201).header('location', `/v1/artists/${artist.id}`).send(artist);
    },
  );

  app.get(
    '/v1/artists/:id',
    {
      schema: {
        tags,
        summary: 'Get an artist with a summary of its releases',
        security: [],
        params: IdParams,
        response: { 200: ArtistDetailSchema, ...errorResponses(404) },
      },
    },
    async (request) => getArtist(db, request.params.id),
  );

  app.patch(
    '/v1/artists/:id',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Edit an artist profile (team editors and admins)',
        security: bearerSecurity(),
        params: IdParams,
        body: UpdateArtistBody,
        response: { 200: ArtistDetailSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request) => updateArtist(db, requirePrincipal(request), request.params.id, request.body),
  );

  app.get(
    '/v1/artists/:id/members',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "List the artist's team (its members and platform admins only)",
        security: bearerSecurity(),
        params: IdParams,
        response: { 200: MemberPage, ...errorResponses(401, 404) },
      },
    },
    async (request) => listMembers(db, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/v1/artists/:id/members',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Add a user to the team by id or email (team admins)',
        security: bearerSecurity(),
        params: IdParams,
        body: AddMemberBody,
        response: { 201: MemberSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(await addMember(db, requirePrincipal(request), request.params.id, request.body)),
  );

  app.patch(
    '/v1/artists/:id/members/:user_id',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Change a member's role (team admins); the team keeps at least one admin",
        security: bearerSecurity(),
        params: ArtistMemberParams,
        body: ChangeMemberBody,
        response: { 200: MemberSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => changeMemberRole(db, requirePrincipal(request), request.params.id, request.params.user_id, request.body.role),
  );

  app.delete(
    '/v1/artists/:id/members/:user_id',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Remove a member (team admins), or leave the team yourself; the team keeps at least one admin',
        security: bearerSecurity(),
        params: ArtistMemberParams,
        response: { 204: Type.Null({ description: 'Removed.' }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeMember(db, requirePrincipal(request), request.params.id, request.params.user_id);
      return reply.code(204).send(null);
    },
  );
}
