import type { Schema } from '@chorus/sdk';

export type Partner = Schema<'Partner'>;
export type PartnerRole = NonNullable<Partner['role']>;
export type PartnerKind = Partner['kind'];
export type PartnerApp = Schema<'PartnerApp'>;
export type ClientType = PartnerApp['client_type'];
export type GrantType = PartnerApp['grant_types'][number];
export type DeviceClass = NonNullable<PartnerApp['device_class']>;
export type AppScope = Schema<'CreatePartnerApp'>['scopes'][number];
export type ReviewState = PartnerApp['review']['state'];

export const KINDS: Array<{ value: PartnerKind; label: string; hint: string }> = [
  { value: 'automotive', label: 'Automotive', hint: 'car makers and in-car systems' },
  { value: 'telecom', label: 'Telecom', hint: 'carriers bundling Chorus' },
  { value: 'device', label: 'Device', hint: 'speakers, TVs, wearables' },
  { value: 'app', label: 'App', hint: 'software developers' },
];

export const ROLES: Array<{ value: PartnerRole; label: string; can: string }> = [
  { value: 'admin', label: 'Admin', can: 'everything, the team and the organisation included' },
  { value: 'developer', label: 'Developer', can: 'creates and edits apps, their secrets, allow-lists and review requests' },
  { value: 'analyst', label: 'Analyst', can: 'reads apps, usage and statistics' },
];

export const CLIENT_TYPES: Array<{ value: ClientType; label: string; hint: string }> = [
  { value: 'confidential', label: 'Confidential', hint: 'runs on a server that keeps a client secret' },
  { value: 'public', label: 'Public', hint: 'a native, device or browser app that cannot keep a secret' },
];

export const DEVICE_CODE: GrantType = 'urn:ietf:params:oauth:grant-type:device_code';

export const GRANTS: Array<{ value: GrantType; label: string; hint: string; person: boolean }> = [
  { value: 'authorization_code', label: 'Authorization code (PKCE)', hint: 'people sign in and consent in a browser: web and mobile apps', person: true },
  { value: DEVICE_CODE, label: 'Device code', hint: 'people approve a car, TV or speaker from their phone', person: true },
  { value: 'refresh_token', label: 'Refresh token', hint: 'stay connected without asking again (with one of the two above)', person: false },
  { value: 'client_credentials', label: 'Client credentials', hint: 'a back end acting for itself (confidential clients only)', person: false },
];

export const DEVICE_CLASSES: Array<{ value: DeviceClass; label: string }> = [
  { value: 'car', label: 'Car' },
  { value: 'speaker', label: 'Speaker' },
  { value: 'tv', label: 'TV' },
  { value: 'wearable', label: 'Wearable' },
  { value: 'other', label: 'Other device' },
];

/** The scopes a partner app may register (the API's enum), and whether the app may hold one for itself. */
export const SCOPES: Array<{ value: AppScope; label: string; forApp: boolean }> = [
  { value: 'profile:read', label: "See the person's profile and connected apps", forApp: false },
  { value: 'profile:write', label: 'Change their profile and settings, disconnect apps', forApp: false },
  { value: 'listens:read', label: 'Read their listening history and now playing', forApp: false },
  { value: 'listens:write', label: 'Submit listens, now playing, loves and hates', forApp: false },
  { value: 'playlists:read', label: 'Read their playlists, private ones included', forApp: false },
  { value: 'playlists:write', label: 'Create, change and share playlists for them', forApp: false },
  { value: 'artists:manage', label: 'Manage the artists whose team they are on', forApp: false },
  { value: 'artist-analytics:read', label: "Read those artists' statistics and insights", forApp: false },
  { value: 'partner:manage', label: 'Manage partner organisations, apps and webhooks', forApp: true },
  { value: 'partner-analytics:read', label: "Read the partner organisation's statistics", forApp: true },
];

export const REVIEW_STATES: Record<ReviewState, { label: string; tone: '' | 'ok' | 'bad'; says: string }> = {
  development: { label: 'Development', tone: '', says: 'Serves your team and the people on its allow-list, within the development limits.' },
  in_review: { label: 'In review', tone: '', says: 'A platform admin is reviewing it; it keeps serving as in development meanwhile.' },
  production: { label: 'Production', tone: 'ok', says: 'Approved: anyone may use it, with the production limits.' },
  rejected: { label: 'Rejected', tone: 'bad', says: 'Back in development: read the reviewer’s note, change what it asks, and request review again.' },
};

/** The organisation's kind, each with who it is for. */
export function KindField({ value, onChange }: { value: PartnerKind; onChange: (kind: PartnerKind) => void }) {
  return (
    <label>
      Kind
      <select name="kind" required value={value} onChange={(event) => onChange(event.currentTarget.value as PartnerKind)}>
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}: {k.hint}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A form's Save changes button, and "Saved." said politely once the change is in. */
export function SaveRow({ busy, saved }: { busy: boolean; saved: boolean }) {
  return (
    <div class="row-actions">
      <button type="submit" class="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save changes'}
      </button>
      <span role="status" class="muted small">
        {saved ? 'Saved.' : ''}
      </span>
    </div>
  );
}

export function label<T extends string>(list: Array<{ value: T; label: string }>, value: T | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return list.find((item) => item.value === value)?.label ?? value;
}

/** What a role may do in the console (the API decides; this only hides what would be refused). */
export function can(role: PartnerRole | null | undefined, platformAdmin: boolean) {
  return {
    manageTeam: role === 'admin' || platformAdmin,
    manageApps: role === 'admin' || role === 'developer' || platformAdmin,
    deleteApps: role === 'admin' || platformAdmin,
    readAnalytics: role === 'admin' || role === 'analyst' || platformAdmin,
  };
}

/** Lines of a textarea as a list: trimmed, blanks and repeats dropped. */
export function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean);
}
