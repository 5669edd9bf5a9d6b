import { access, errorResponses, IdParams, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import {
  acceptInvitation,
  changeMemberRole,
  declineInvitation,
  invite,
  listInvitations,
  listMembers,
  myInvitations,
  removeMember,
  revokeInvitation,
} from './members.service.js';
import {
  ChangePartnerMemberBody,
  InvitePartnerMemberBody,
  MyPartnerInvitationList,
  PartnerInvitationList,
  PartnerInvitationParams,
  PartnerInvitationSchema,
  PartnerMemberList,
  PartnerMemberParams,
  PartnerMemberSchema,
  PartnerParams,
  PartnerSchema,
} from './partners.schemas.js';

const tags = ['partners'];
const manage = access.user('partner:manage');
const Gone = Type.Null({ description: 'Done.' });

/** A partner's team: members, roles, invitations by handle, and the invitee's answers. */
export const memberRoutes: RoutePlugin = async (app) => {
  const { deps } = app;

  app.get(
    '/v1/partners/:id/members',
    {
      config: manage,
      schema: { tags, summary: "The partner's team", params: PartnerParams, response: { 200: PartnerMemberList, ...errorResponses(401, 403, 404) } },
    },
    async (request) => listMembers(deps.db, requirePrincipal(request), request.params.id),
  );

  app.patch(
    '/v1/partners/:id/members/:user_id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a member's role (admins); the team keeps at least one admin",
        params: PartnerMemberParams,
        body: ChangePartnerMemberBody,
        response: { 200: PartnerMemberSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => changeMemberRole(deps, requirePrincipal(request), request.params.id, request.params.user_id, request.body.role),
  );

  app.delete(
    '/v1/partners/:id/members/:user_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a member (admins), or leave the team yourself; the team keeps at least one admin',
        params: PartnerMemberParams,
        response: { 204: Gone, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeMember(deps, requirePrincipal(request), request.params.id, request.params.user_id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/partners/:id/invitations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Invite a person to the team by handle (admins)',
        description:
          'They join once they accept (GET /v1/me/partner-invitations). An invitation lapses after 14 days; a team holds at most 50 people, open invitations included.',
        params: PartnerParams,
        body: InvitePartnerMemberBody,
        response: { 201: PartnerInvitationSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(await invite(deps.db, requirePrincipal(request), request.params.id, request.body)),
  );

  app.get(
    '/v1/partners/:id/invitations',
    {
      config: manage,
      schema: {
        tags,
        summary: "The team's open invitations (admins)",
        params: PartnerParams,
        response: { 200: PartnerInvitationList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listInvitations(deps.db, requirePrincipal(request), request.params.id),
  );

  app.delete(
    '/v1/partners/:id/invitations/:invitation_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Revoke an open invitation (admins)',
        params: PartnerInvitationParams,
        response: { 204: Gone, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeInvitation(deps.db, requirePrincipal(request), request.params.id, request.params.invitation_id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/me/partner-invitations',
    {
      config: manage,
      schema: { tags, summary: 'Your open invitations to partner teams', response: { 200: MyPartnerInvitationList, ...errorResponses(401, 403) } },
    },
    async (request) => myInvitations(deps.db, requirePrincipal(request)),
  );

  app.post(
    '/v1/me/partner-invitations/:id/accept',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Accept an invitation: you join the team with its role',
        params: IdParams,
        response: { 200: PartnerSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => acceptInvitation(deps, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/v1/me/partner-invitations/:id/decline',
    {
      config: manage,
      schema: { tags, summary: 'Decline an invitation', params: IdParams, response: { 204: Gone, ...errorResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await declineInvitation(deps.db, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
