import { type DeviceClass, type Db, newClientId, type PartnerKind, type PartnerRole, uuidv7 } from '@chorus/db';

/** A partner and one of its apps, written straight into the registry (no partners API needed). */
export interface RegisteredPartnerApp {
  partner: { id: string; name: string; kind: PartnerKind };
  app: { id: string; client_id: string; name: string; device_class: DeviceClass | null };
}

/**
 * Registers a partner of `kind` (unless `partnerId` names an existing one) and a public app of it with
 * `device_class`, in production and allowed the listener and analytics scopes, straight in the tables.
 */
export async function registerPartnerApp(
  db: Db,
  fields: { kind?: PartnerKind; device_class?: DeviceClass | null; partnerId?: string; name?: string; scopes?: string[] } = {},
): Promise<RegisteredPartnerApp> {
  const kind = fields.kind ?? 'automotive';
  let partner: RegisteredPartnerApp['partner'];
  if (fields.partnerId) {
    const row = await db.selectFrom('partners').select(['id', 'name', 'kind']).where('id', '=', fields.partnerId).executeTakeFirstOrThrow();
    partner = row;
  } else {
    partner = { id: uuidv7(), name: fields.name ?? `Partner ${Math.random().toString(36).slice(2, 8)}`, kind };
    await db
      .insertInto('partners')
      .values({ ...partner, website_url: 'https://partner.example.com' })
      .execute();
  }
  const app = { id: uuidv7(), client_id: newClientId(), name: `App ${Math.random().toString(36).slice(2, 8)}`, device_class: fields.device_class ?? null };
  await db
    .insertInto('partner_apps')
    .values({
      ...app,
      partner_id: partner.id,
      client_type: 'public',
      redirect_uris: ['https://partner.example.com/callback'],
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      scopes: fields.scopes ?? ['listens:read', 'listens:write', 'partner-analytics:read'],
      review_state: 'production',
    })
    .execute();
  return { partner, app };
}

/** Puts a user on a partner's team with a role. */
export async function addPartnerMember(db: Db, partnerId: string, userId: string, role: PartnerRole): Promise<void> {
  await db.insertInto('partner_members').values({ partner_id: partnerId, user_id: userId, role }).execute();
}
