import type { FunctionComponent } from 'preact';
import { artistRoutes } from './pages/artist/routes.js';
import { Home } from './pages/Home.js';
import { listenerRoutes } from './pages/listener/routes.js';
import { partnerRoutes } from './pages/partner/routes.js';
import { productRoutes } from './pages/product/routes.js';

/** A page and the address pattern it answers (`:name` parts become its props). */
export interface Route {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: each page declares its own params
  page: FunctionComponent<any>;
}

/** Every page of the app; the first pattern that matches wins. Each area lists its own pages. */
export const routes: Route[] = [{ path: '/', page: Home }, ...artistRoutes, ...partnerRoutes, ...productRoutes, ...listenerRoutes];
