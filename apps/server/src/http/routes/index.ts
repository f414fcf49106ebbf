import type { AppDeps } from '../app-deps.js';
import type { ApiRoute } from '../route.js';
import { apiKeyRoutes } from './api-keys.routes.js';
import { areaRoutes } from './areas.routes.js';
import { authRoutes } from './auth.routes.js';
import { buyerRoutes } from './buyer.routes.js';
import { catalogueRoutes } from './catalogue.routes.js';
import { checkRoutes } from './check.routes.js';
import { claimRoutes } from './claims.routes.js';
import { complaintRoutes } from './complaints.routes.js';
import { evidencePackageRoutes } from './evidence-package.routes.js';
import { feedRoutes } from './feeds.routes.js';
import { networkRoutes } from './network.routes.js';
import { notificationRoutes } from './notifications.routes.js';
import { officialRoutes } from './official.routes.js';
import { orderRoutes } from './orders.routes.js';
import { planRoutes } from './plans.routes.js';
import { repairOrderRoutes } from './repair-orders.routes.js';
import { testClockRoutes } from './repair-test-clock.routes.js';
import { servicePublicRoutes } from './service-public.routes.js';
import { trustRoutes } from './trust.routes.js';
import { userRoutes } from './users.routes.js';
import { workspaceRoutes } from './workspace.routes.js';

/** The route table: every `/api/v1` route, with its schema and access. */
export function apiRoutes(deps: AppDeps): ApiRoute[] {
  return [
    ...authRoutes(deps),
    ...userRoutes(deps),
    ...apiKeyRoutes(deps),
    ...workspaceRoutes(deps),
    ...catalogueRoutes(deps),
    ...orderRoutes(deps),
    ...claimRoutes(deps),
    ...evidencePackageRoutes(deps),
    ...buyerRoutes(deps),
    ...checkRoutes(deps),
    ...areaRoutes(deps),
    ...networkRoutes(deps),
    ...repairOrderRoutes(deps),
    ...planRoutes(deps),
    ...servicePublicRoutes(deps),
    ...officialRoutes(deps),
    ...complaintRoutes(deps),
    ...notificationRoutes(deps),
    ...feedRoutes(deps),
    ...trustRoutes(deps),
    ...testClockRoutes(deps),
  ];
}
