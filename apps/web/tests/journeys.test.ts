/**
 * The console's browser journeys, one spec per journey (tests/journeys/*.journey.ts), against one real
 * `proofdesk serve` on a temporary SQLite database seeded with the demo shop, in Debian's Chromium. Each journey works
 * on its own claims, so they share the server (seeding and analysing the demo takes most of the time).
 * Screenshots of the key screens in both languages land in apps/web/artifacts/screenshots.
 */
import { after, before, describe } from 'node:test';
import type { Browser } from 'playwright-core';
import { adminJourney } from './journeys/admin.journey.js';
import { buyerJourney } from './journeys/buyer.journey.js';
import { careCoverageJourney } from './journeys/care-coverage.journey.js';
import { careComplaintJourney } from './journeys/care-complaint.journey.js';
import { careVerifyJourney } from './journeys/care-verify.journey.js';
import { checkJourney } from './journeys/check.journey.js';
import { evidencePackageJourney } from './journeys/evidence-package.journey.js';
import { merchantJourney } from './journeys/merchant.journey.js';
import { reviewerJourney } from './journeys/reviewer.journey.js';
import { serviceSlaJourney } from './journeys/service-sla.journey.js';
import { serviceJourney } from './journeys/service.journey.js';
import { trustCreditJourney } from './journeys/trust-credit.journey.js';
import { trustFeedJourney } from './journeys/trust-feed.journey.js';
import { launchBrowser, type JourneyEnv } from './support/browser.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

describe('console journeys in Chromium', () => {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const env = {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
  } satisfies JourneyEnv;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  reviewerJourney(env);
  merchantJourney(env);
  buyerJourney(env);
  adminJourney(env);
  checkJourney(env);
  serviceJourney(env);
  careVerifyJourney(env);
  careCoverageJourney(env);
  trustCreditJourney(env);
  trustFeedJourney(env);
  evidencePackageJourney(env);
  // Last: it moves the server's test clock forward.
  serviceSlaJourney(env);
  // After it: the complaint journey moves the test clock further.
  careComplaintJourney(env);
});
