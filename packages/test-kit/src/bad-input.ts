import { type Asserter, checkRouteRefusesBadInput, type RouteCase } from '@chorus/service-kit/testing';
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';

/**
 * checkRouteRefusesBadInput for a tap Test. The cast is only for the types: service-kit's Asserter declares
 * `message?: string`, which tap's `...[msg, extra]: MessageExtra` signatures do not accept.
 */
export function refusesBadInput(t: Test, app: FastifyInstance, route: RouteCase): Promise<void> {
  return checkRouteRefusesBadInput(t as unknown as Asserter, app, route);
}
