import { type DeviceClass, type PartnerKind, type Platform, platformForApp } from '@chorus/db';
import { partnerClientId, problems } from '@chorus/service-kit';
import type { FastifyRequest } from 'fastify';

/** The partner app a request's verified access token was issued to: what its listens are attributed to. */
export interface Attribution {
  app_id: string;
  app_name: string;
  partner_id: string;
  partner_kind: PartnerKind;
  device_class: DeviceClass | null;
}

/**
 * The attribution of what a request submits: the partner app of its access token, looked up in the app
 * registry by the per-app limits hook (cached, no database round trip per request), or null for first-party
 * clients. Nothing in the body counts: a client claiming a partner context or a car is not a partner.
 */
export function attributionOf(request: FastifyRequest): Attribution | null {
  const app = request.server.appLimits.appFor(request);
  if (!app) {
    // The hook answers 401 for an unregistered app before any route runs; should it not have, refuse rather than misattribute.
    if (partnerClientId(request)) throw problems.unauthorized('The app this access token was issued to is not registered.', 'invalid_token');
    return null;
  }
  return { app_id: app.appId, app_name: app.name, partner_id: app.partnerId, partner_kind: app.partnerKind, device_class: app.deviceClass };
}

/** The platform stored for a listen: the app's device class for a partner app, the client's claim otherwise. */
export function attributedPlatform(attribution: Attribution | null, claimed: Platform): Platform {
  return attribution ? platformForApp(attribution.device_class, claimed) : claimed;
}
