import { PARTNER_KINDS, PARTNER_ROLES } from '@chorus/db';
import { Page, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TSchema, Type } from 'typebox';

// Text is trimmed before it is stored; the pattern refuses text that would be empty once trimmed.
const NOT_BLANK = '\\S';
export const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK, description });
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** An https URL; checked further (parsed, no user information) by the rules. */
export const HttpsUrl = (description: string) => Type.String({ minLength: 9, maxLength: 2000, pattern: '^https://', description });

export const PartnerKindSchema = Type.Enum([...PARTNER_KINDS], {
  description: 'automotive: car makers and in-car systems; telecom: carriers bundling Chorus; device: speakers, TVs, wearables; app: software developers.',
});
export const PartnerRoleSchema = Type.Enum([...PARTNER_ROLES], {
  description:
    'admin: everything, the team and the organisation included; developer: creates and edits apps, their secrets, allow-lists and review requests; analyst: reads apps and usage.',
});
export const Handle = Type.String({
  minLength: 2,
  maxLength: 33,
  pattern: '^@?[A-Za-z0-9][A-Za-z0-9_-]{1,31}$',
  description: "A person's handle, with or without a leading @ (letter case does not matter).",
});

// Requests

export const PartnerParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const PartnerMemberParams = Type.Object({ id: Uuid, user_id: Uuid }, { additionalProperties: false });
export const PartnerInvitationParams = Type.Object({ id: Uuid, invitation_id: Uuid }, { additionalProperties: false });

export const CreatePartnerBody = Type.Object(
  {
    name: text(100, 'Trimmed; 1 to 100 characters.'),
    kind: PartnerKindSchema,
    website_url: HttpsUrl('The organisation’s website (https).'),
  },
  { $id: 'CreatePartner', additionalProperties: false, examples: [{ name: 'Volvo Cars', kind: 'automotive', website_url: 'https://www.volvocars.com' }] },
);
export type CreatePartnerInput = Static<typeof CreatePartnerBody>;

export const UpdatePartnerBody = Type.Object(
  {
    name: Type.Optional(text(100, 'Trimmed; 1 to 100 characters.')),
    kind: Type.Optional(PartnerKindSchema),
    website_url: Type.Optional(HttpsUrl('The organisation’s website (https).')),
  },
  {
    $id: 'UpdatePartner',
    additionalProperties: false,
    minProperties: 1,
    description:
      'At least one field. Changing the name, kind or website of a verified partner withdraws its verification until a platform admin verifies it again.',
    examples: [{ website_url: 'https://developer.volvocars.com' }],
  },
);
export type UpdatePartnerInput = Static<typeof UpdatePartnerBody>;

export const ChangePartnerMemberBody = Type.Object(
  { role: PartnerRoleSchema },
  { $id: 'ChangePartnerMember', additionalProperties: false, examples: [{ role: 'admin' }] },
);

export const InvitePartnerMemberBody = Type.Object(
  { handle: Handle, role: PartnerRoleSchema },
  { $id: 'InvitePartnerMember', additionalProperties: false, examples: [{ handle: 'ada-lovelace', role: 'developer' }] },
);
export type InviteInput = Static<typeof InvitePartnerMemberBody>;

// Answers

export const PartnerSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    kind: PartnerKindSchema,
    website_url: Type.String(),
    verified: Type.Boolean({ description: 'A platform admin checked that the organisation is who it says.' }),
    verified_at: nullable(Timestamp),
    role: nullable(PartnerRoleSchema),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Partner', description: 'A partner organisation; `role` is yours on its team (null for a platform admin who is not on it).' },
);
export type Partner = Static<typeof PartnerSchema>;

export const PartnerPage = Type.Object(Page(PartnerSchema).properties, { $id: 'PartnerPage' });

export const PartnerMemberSchema = Type.Object(
  { user_id: Uuid, handle: Type.String(), display_name: Type.String(), role: PartnerRoleSchema, created_at: Timestamp },
  { $id: 'PartnerMember' },
);
export type PartnerMember = Static<typeof PartnerMemberSchema>;

export const PartnerMemberList = Type.Object(Page(PartnerMemberSchema).properties, {
  $id: 'PartnerMemberList',
  description: 'The whole team (at most 50 people with open invitations): one page.',
});
export type PartnerMemberListing = Static<typeof PartnerMemberList>;

export const PartnerInvitationSchema = Type.Object(
  {
    id: Uuid,
    user_id: Uuid,
    handle: Type.String(),
    display_name: Type.String(),
    role: PartnerRoleSchema,
    created_at: Timestamp,
    expires_at: Timestamp,
  },
  { $id: 'PartnerInvitation', description: 'An open invitation to join the team, as its admins see it.' },
);
export type PartnerInvitation = Static<typeof PartnerInvitationSchema>;

export const PartnerInvitationList = Type.Object(Page(PartnerInvitationSchema).properties, { $id: 'PartnerInvitationList' });

export const MyPartnerInvitationSchema = Type.Object(
  {
    id: Uuid,
    partner: Type.Object({ id: Uuid, name: Type.String(), kind: PartnerKindSchema, verified: Type.Boolean() }),
    role: PartnerRoleSchema,
    invited_by: nullable(Type.Object({ display_name: Type.String() })),
    created_at: Timestamp,
    expires_at: Timestamp,
  },
  { $id: 'MyPartnerInvitation', description: 'An invitation to join a partner’s team, as the invited person sees it.' },
);
export type MyPartnerInvitation = Static<typeof MyPartnerInvitationSchema>;

export const MyPartnerInvitationList = Type.Object(Page(MyPartnerInvitationSchema).properties, { $id: 'MyPartnerInvitationList' });
