import { access, errorResponses, IdParams, PageQuery, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import {
  ArtistMemberParams,
  ChangeMemberBody,
  InvitationPage,
  InvitationParams,
  InvitationSchema,
  InviteBody,
  MemberPage,
  MemberSchema,
  MyArtistPage,
  MyArtistSchema,
  MyInvitationPage,
} from './catalog.schemas.js';
import { acceptInvitation, declineInvitation, invite, listInvitations, myInvitations, revokeInvitation } from './invitations.service.js';
import { changeMemberRole, listMembers, myArtists, removeMember } from './members.service.js';

const tags = ['catalog'];
const none = (description: string) => Type.Null({ description });

/** Artist teams: members, invitations, and a person's own teams and invitations. */
export const teamRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.get(
    '/v1/artists/:id/members',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: "List the artist's team (its members and platform admins only)",
        params: IdParams,
        response: { 200: MemberPage, ...errorResponses(401, 404) },
      },
    },
    async (request) => listMembers(db, requirePrincipal(request), request.params.id),
  );

  app.patch(
    '/v1/artists/:id/members/:user_id',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: "Change a member's role (team admins); the team keeps at least one admin",
        params: ArtistMemberParams,
        body: ChangeMemberBody,
        response: { 200: MemberSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => changeMemberRole(app.deps, requirePrincipal(request), request.params.id, request.params.user_id, request.body.role),
  );

  app.delete(
    '/v1/artists/:id/members/:user_id',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Remove a member (team admins), or leave the team yourself; the team keeps at least one admin',
        params: ArtistMemberParams,
        response: { 204: none('Removed.'), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeMember(app.deps, requirePrincipal(request), request.params.id, request.params.user_id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/artists/:id/invitations',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Invite someone to the team by handle or email, with a role (team admins)',
        description:
          'The invitee joins only by accepting it (POST /v1/me/team-invitations/{id}/accept) within 14 days. ' +
          'An invitation by email is answered 202 whether or not the address has an account; an unknown handle is 404. ' +
          'Inviting the same person again refreshes the pending invitation.',
        params: IdParams,
        body: InviteBody,
        response: { 202: InvitationSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => reply.code(202).send(await invite(db, requirePrincipal(request), request.params.id, request.body)),
  );

  app.get(
    '/v1/artists/:id/invitations',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: "List the team's pending invitations, newest first (team admins)",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: InvitationPage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listInvitations(db, requirePrincipal(request), request.params.id, request.query),
  );

  app.delete(
    '/v1/artists/:id/invitations/:invitation_id',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Revoke a pending invitation (team admins)',
        params: InvitationParams,
        response: { 204: none('Revoked.'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeInvitation(db, requirePrincipal(request), request.params.id, request.params.invitation_id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/me/artists',
    {
      config: access.user('profile:read'),
      schema: {
        tags,
        summary: 'The artists whose teams you are on, with your role, newest first',
        querystring: PageQuery,
        response: { 200: MyArtistPage, ...errorResponses(401) },
      },
    },
    async (request) => myArtists(db, requirePrincipal(request), request.query),
  );

  app.get(
    '/v1/me/team-invitations',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Your pending invitations to artist teams (to your handle or your email), newest first',
        querystring: PageQuery,
        response: { 200: MyInvitationPage, ...errorResponses(401) },
      },
    },
    async (request) => myInvitations(db, requirePrincipal(request), request.query),
  );

  app.post(
    '/v1/me/team-invitations/:id/accept',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: "Accept an invitation: you join the artist's team with its role",
        params: IdParams,
        response: { 200: MyArtistSchema, ...errorResponses(401, 404, 409, 410) },
      },
    },
    async (request) => acceptInvitation(app.deps, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/v1/me/team-invitations/:id/decline',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Decline an invitation',
        params: IdParams,
        response: { 204: none('Declined.'), ...errorResponses(401, 404, 410) },
      },
    },
    async (request, reply) => {
      await declineInvitation(db, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
