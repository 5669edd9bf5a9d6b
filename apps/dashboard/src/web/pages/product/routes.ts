import type { Route } from '../../routes.js';
import { Diversity } from './Diversity.js';
import { Engagement } from './Engagement.js';
import { PartnerView } from './PartnerView.js';
import { Platforms } from './Platforms.js';
import { Retention } from './Retention.js';
import { Sources } from './Sources.js';
import { Trends } from './Trends.js';

export const productRoutes: Route[] = [
  { path: '/product', page: Engagement },
  { path: '/product/sources', page: Sources },
  { path: '/product/platforms', page: Platforms },
  { path: '/product/retention', page: Retention },
  { path: '/product/trends', page: Trends },
  { path: '/product/diversity', page: Diversity },
  { path: '/product/partners', page: PartnerView },
];
