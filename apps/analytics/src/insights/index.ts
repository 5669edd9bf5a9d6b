import type { FastifyPluginAsync } from 'fastify';
import { insightRoutes } from './insights.routes.js';

/** The insights routes (feed and read state, streams forecast, related artists); the analytics service registers this plugin. */
export const insightsRoutes: FastifyPluginAsync = insightRoutes;
