/** The insights routes (feed and read state, streams forecast, related artists); the analytics service registers this plugin. */
export { insightsRoutes } from './insights.routes.js';
