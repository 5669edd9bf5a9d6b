import { ALLOW_LIST_LIMIT, CLIENT_TYPES, DEVICE_CLASSES, GRANT_TYPES, REVIEW_STATES } from '@chorus/db';
import { DateOnly, Page, SCOPES, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';
import { Handle, HttpsUrl, nullable, text } from './partners.schemas.js';

/** The scopes a partner app may be registered for: every scope but the internal (first-party only) ones. */
export const APP_SCOPES = Object.entries(SCOPES)
  .filter(([, scope]) => scope.grant !== 'internal')
  .map(([name]) => name);

export const ClientTypeSchema = Type.Enum([...CLIENT_TYPES], {
  description: 'confidential: runs on a server that keeps a client secret; public: a native, device or browser app that cannot keep one.',
});
export const GrantTypeSchema = Type.Enum([...GRANT_TYPES], {
  description:
    'authorization_code (with PKCE S256), refresh_token, urn:ietf:params:oauth:grant-type:device_code (RFC 8628, for cars, TVs and speakers), client_credentials (confidential clients acting for themselves).',
});
export const ScopeSchema = Type.Enum(APP_SCOPES, { description: 'A scope of Chorus (internal scopes are not available to partner apps).' });
export const DeviceClassSchema = Type.Enum([...DEVICE_CLASSES]);
export const ReviewStateSchema = Type.Enum([...REVIEW_STATES], {
  description:
    'development: allow-listed people only, development limits; in_review: waiting for a platform admin; production: anyone, production limits; rejected: development again, with the reviewer’s note.',
});

const RedirectUris = Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
  maxItems: 10,
  uniqueItems: true,
  description:
    'Exact strings, compared exactly. https, or http on a loopback address (http://127.0.0.1, http://[::1], http://localhost; any port) for native apps as RFC 8252 allows; no fragments, no wildcards. At most 10; needed by authorization_code and used by nothing else.',
});
const GrantTypes = Type.Array(GrantTypeSchema, { minItems: 1, maxItems: GRANT_TYPES.length, uniqueItems: true });
const Scopes = Type.Array(ScopeSchema, {
  minItems: 1,
  maxItems: APP_SCOPES.length,
  uniqueItems: true,
  description:
    'The scopes the app may ask for. An app with client_credentials only may hold only scopes a partner app can hold for itself (partner:manage, partner-analytics:read).',
});
const Description = text(2000, 'Trimmed; up to 2000 characters.');
const Note = text(2000, 'Trimmed; up to 2000 characters.');

// Requests

export const AppParams = Type.Object({ id: Uuid, app_id: Uuid }, { additionalProperties: false });
export const AllowedUserParams = Type.Object({ id: Uuid, app_id: Uuid, user_id: Uuid }, { additionalProperties: false });
export const AdminAppParams = Type.Object({ app_id: Uuid }, { additionalProperties: false });

export const CreateAppBody = Type.Object(
  {
    name: text(100, 'Trimmed; 1 to 100 characters; shown on the consent page.'),
    description: Type.Optional(Description),
    logo_url: Type.Optional(HttpsUrl('A logo shown on the consent page (https).')),
    client_type: ClientTypeSchema,
    redirect_uris: Type.Optional(RedirectUris),
    grant_types: GrantTypes,
    scopes: Scopes,
    device_class: Type.Optional(DeviceClassSchema),
  },
  {
    $id: 'CreatePartnerApp',
    additionalProperties: false,
    description: 'device_class is needed with the device_code grant; client_credentials needs a confidential client.',
    examples: [
      {
        name: 'Volvo Sensus Music',
        client_type: 'public',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        scopes: ['listens:write', 'playlists:read'],
        device_class: 'car',
      },
    ],
  },
);
export type CreateAppInput = Static<typeof CreateAppBody>;

export const UpdateAppBody = Type.Object(
  {
    name: Type.Optional(text(100, 'Trimmed; 1 to 100 characters.')),
    description: Type.Optional(nullable(Description)),
    logo_url: Type.Optional(nullable(HttpsUrl('A logo shown on the consent page (https).'))),
    redirect_uris: Type.Optional(RedirectUris),
    grant_types: Type.Optional(GrantTypes),
    scopes: Type.Optional(Scopes),
    device_class: Type.Optional(nullable(DeviceClassSchema)),
  },
  {
    $id: 'UpdatePartnerApp',
    additionalProperties: false,
    minProperties: 1,
    description:
      'At least one field; null clears description, logo_url or device_class; arrays replace. The client type cannot change: register a new app instead.',
    examples: [{ redirect_uris: ['https://app.example.com/callback', 'http://127.0.0.1/callback'] }],
  },
);
export type UpdateAppInput = Static<typeof UpdateAppBody>;

export const AllowUserBody = Type.Object({ handle: Handle }, { $id: 'AllowAppUser', additionalProperties: false, examples: [{ handle: 'ada-lovelace' }] });

export const ReviewRequestBody = Type.Object(
  { note: Note },
  { $id: 'AppReviewRequest', additionalProperties: false, examples: [{ note: 'Ready for launch in our 2027 models; test account on the allow-list.' }] },
);

export const AppReviewDecisionBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    note: Type.Optional(Note),
    verify_partner: Type.Optional(Type.Boolean({ description: 'Also mark the app’s partner verified.' })),
  },
  {
    $id: 'AppReviewDecision',
    additionalProperties: false,
    description: 'A rejection needs a note telling the partner why.',
    examples: [{ decision: 'approve', verify_partner: true }],
  },
);
export type ReviewDecisionInput = Static<typeof AppReviewDecisionBody>;

export const AdminAppsQuery = Type.Object(
  {
    review_state: Type.Optional(ReviewStateSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque; from a previous answer.' })),
  },
  { additionalProperties: false },
);

export const UsageQuery = Type.Object(
  {
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false, description: 'UTC days, inclusive; to defaults to today, from to 29 days before to; at most 92 days.' },
);

// Answers

const PersonRef = Type.Object({ user_id: Uuid, display_name: Type.String() });
const Limit = Type.Object({ limit: Type.Integer(), window_seconds: Type.Integer() });

const appProperties = {
  id: Uuid,
  partner_id: Uuid,
  client_id: Type.String({ description: 'The OAuth client id: `chorus_` and 22 URL-safe characters.' }),
  name: Type.String(),
  description: nullable(Type.String()),
  logo_url: nullable(Type.String()),
  client_type: ClientTypeSchema,
  redirect_uris: Type.Array(Type.String()),
  grant_types: Type.Array(GrantTypeSchema),
  scopes: Type.Array(Type.String()),
  device_class: nullable(DeviceClassSchema),
  mode: Type.Enum(['development', 'production'], {
    description: 'production once a platform admin approved the app; development before, in review and after a rejection.',
  }),
  review: Type.Object({
    state: ReviewStateSchema,
    requested_at: nullable(Timestamp),
    reviewed_at: nullable(Timestamp),
    reviewed_by: nullable(PersonRef),
    note: nullable(Type.String({ description: 'The reviewer’s note on the last decision.' })),
  }),
  secret: nullable(
    Type.Object(
      {
        hint: Type.String({ description: 'The first characters of the current secret.' }),
        created_at: Timestamp,
        previous_valid_until: nullable(Timestamp),
      },
      { description: 'The client secret (confidential clients): never shown again after creation or rotation.' },
    ),
  ),
  allow_list: Type.Object(
    { count: Type.Integer(), limit: Type.Integer() },
    { description: `People allowed in development mode besides the partner's members (at most ${ALLOW_LIST_LIMIT}).` },
  ),
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const PartnerAppSchema = Type.Object(appProperties, { $id: 'PartnerApp', description: 'A partner app (an OAuth client) in the registry.' });
export type PartnerApp = Static<typeof PartnerAppSchema>;

export const PartnerAppCreatedSchema = Type.Object(
  {
    ...appProperties,
    client_secret: nullable(Type.String({ description: 'The client secret of a confidential client, shown this once; null for a public client.' })),
  },
  { $id: 'PartnerAppCreated' },
);

export const PartnerAppList = Type.Object(Page(PartnerAppSchema).properties, {
  $id: 'PartnerAppList',
  description: 'Every app of the partner (at most 25): one page.',
});

export const AdminPartnerAppSchema = Type.Object(
  { ...appProperties, partner: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), verified: Type.Boolean() }) },
  { $id: 'AdminPartnerApp' },
);
export const AdminPartnerAppPage = Type.Object(Page(AdminPartnerAppSchema).properties, { $id: 'AdminPartnerAppPage' });

export const ClientSecretRotatedSchema = Type.Object(
  {
    client_id: Type.String(),
    client_secret: Type.String({ description: 'The new secret, shown this once.' }),
    created_at: Timestamp,
    previous_valid_until: nullable(Timestamp),
  },
  { $id: 'ClientSecretRotated', description: 'The previous secret keeps working until previous_valid_until, so deployments can switch over.' },
);
export type ClientSecretRotated = Static<typeof ClientSecretRotatedSchema>;

export const AllowedUserSchema = Type.Object(
  { user_id: Uuid, handle: Type.String(), display_name: Type.String(), added_at: Timestamp },
  { $id: 'AllowedAppUser' },
);
export type AllowedUser = Static<typeof AllowedUserSchema>;

export const AllowListSchema = Type.Object(
  { ...Page(AllowedUserSchema).properties, limit: Type.Integer() },
  {
    $id: 'AppAllowList',
    description: "The people a development-mode app may serve besides the partner's own members (who are allowed implicitly and not counted).",
  },
);
export type AllowList = Static<typeof AllowListSchema>;

export const AppReviewSchema = Type.Object(
  {
    id: Uuid,
    action: Type.Enum(['requested', 'approved', 'rejected']),
    note: nullable(Type.String()),
    by: nullable(PersonRef),
    verified_partner: Type.Boolean({ description: 'The approval also verified the partner.' }),
    created_at: Timestamp,
  },
  { $id: 'AppReview' },
);
export type AppReview = Static<typeof AppReviewSchema>;

export const AppReviewList = Type.Object(Page(AppReviewSchema).properties, { $id: 'AppReviewList', description: 'The app’s review history, oldest first.' });

const UsageCounts = {
  requests: Type.Integer(),
  errors: Type.Integer({ description: 'Answers with a 4xx or 5xx status, 429s included.' }),
  rate_limited: Type.Integer({ description: '429 answers (rate limit or quota).' }),
};

export const AppUsageSchema = Type.Object(
  {
    app_id: Uuid,
    from: DateOnly,
    to: DateOnly,
    mode: Type.Enum(['development', 'production']),
    limits: Type.Object({
      enforced: Type.Boolean(),
      app: Limit,
      quota: nullable(Limit),
      per_user: Limit,
    }),
    totals: Type.Object(UsageCounts),
    days: Type.Array(
      Type.Object({
        day: DateOnly,
        ...UsageCounts,
        route_groups: Type.Array(Type.Object({ route_group: Type.String({ description: 'The first path segment after /v1, e.g. listens.' }), ...UsageCounts })),
      }),
      { description: 'Days with any request, in order.' },
    ),
  },
  { $id: 'AppUsage', description: 'Requests per UTC day and route group; counted within seconds of each request.' },
);
export type AppUsage = Static<typeof AppUsageSchema>;
