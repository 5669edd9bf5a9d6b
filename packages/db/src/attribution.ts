import type { DeviceClass, PartnerKind } from './app-registry.js';
import type { Platform } from './tables/listening.tables.js';

/**
 * Verified attribution of listens: a listen submitted with a partner app's access token belongs to that app and
 * its partner, and its platform is the app's device class, never what the client claims. Written by ingestion,
 * read by aggregation (the SQL there mirrors claimsPartner) and by the analytics that explain it.
 */

/** The platform of a partner app's listens, from its registered device class. */
export const DEVICE_CLASS_PLATFORM: Record<DeviceClass, Platform> = {
  car: 'car',
  speaker: 'speaker',
  tv: 'tv',
  // PLATFORMS has no wearable; the device class itself is kept on the listen and in the partner rollups.
  wearable: 'other',
  other: 'other',
};

/** Platforms a partner's device would report: a client claiming one without a partner token is unverified. */
export const PARTNER_DEVICE_PLATFORMS = ['car', 'speaker', 'tv'] as const satisfies readonly Platform[];

/** Platforms any phone or computer app reports; a partner app without a device class keeps one of these as claimed. */
const GENERAL_PLATFORMS: readonly Platform[] = ['ios', 'android', 'web', 'desktop'];

/**
 * The platform stored for a partner app's listen: its device class's platform; an app that declares no device
 * class may say which phone or computer platform it runs on, but never claim a partner device (that is `other`).
 */
export function platformForApp(deviceClass: DeviceClass | null, claimed: Platform): Platform {
  if (deviceClass !== null) return DEVICE_CLASS_PLATFORM[deviceClass];
  return GENERAL_PLATFORMS.includes(claimed) ? claimed : 'other';
}

/** How a stream counts in the partner-kind breakdowns: a verified partner's kind, `unverified`, or `none`. */
export type StreamPartnerKind = PartnerKind | 'unverified' | 'none';

/** The partner kinds of the breakdowns, in the order answers list them. */
export const STREAM_PARTNER_KINDS = ['automotive', 'telecom', 'device', 'app', 'unverified', 'none'] as const satisfies readonly StreamPartnerKind[];

/** True when a listen without a partner token claims a partner's context or device: counted as unverified. */
export function claimsPartner(contextType: string, platform: string): boolean {
  return contextType === 'partner' || (PARTNER_DEVICE_PLATFORMS as readonly string[]).includes(platform);
}
