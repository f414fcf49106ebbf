import { z } from 'zod';
import { TestClock } from '../../services/sla-test-clock.js';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { isoTime } from '../schemas/common.schemas.js';

const clockSchema = z.object({ now: isoTime, aheadMs: z.int() });

/**
 * The test clock's routes: present only when the server's clock is a {@link TestClock}, which `proofdesk serve`
 * uses only with `PROOFDESK_TEST_CLOCK=1`; otherwise they do not exist (404). Anyone signed in to the workspace (any role, or an API key) may move it.
 *
 * How a browser journey makes an SLA breach happen (H5's service journey):
 * ```
 * PROOFDESK_TEST_CLOCK=1 proofdesk serve …           # start the server under test with the variable
 * // assign an order, then, with the page's session (cookie + x-csrf-token):
 * await page.request.post('/api/v1/test-clock/advance', { data: { minutes: 31 }, headers: { 'x-csrf-token': csrf } });
 * // within about a second the worker runs the due sla.check job: the dispatcher's escalation appears;
 * // advance 60 more for the outlet manager, 60 more for the brand (the default policy's delays).
 * ```
 */
export function testClockRoutes(deps: AppDeps): ApiRoute[] {
  const clock = deps.clock;
  if (!(clock instanceof TestClock)) return [];
  const now = () => ({ now: new Date(clock.nowMs()).toISOString(), aheadMs: clock.aheadMs });
  return [
    defineRoute({
      method: 'GET',
      url: '/test-clock',
      access: 'workspace.read',
      summary: 'The test clock (only with PROOFDESK_TEST_CLOCK=1)',
      tags: ['test'],
      schema: { response: { 200: clockSchema } },
      handler: () => Promise.resolve(now()),
    }),
    defineRoute({
      method: 'POST',
      url: '/test-clock/advance',
      access: 'workspace.read',
      summary: 'Move the test clock forward (only with PROOFDESK_TEST_CLOCK=1)',
      tags: ['test'],
      schema: {
        body: z.object({
          minutes: z
            .int()
            .min(0)
            .max(60 * 24 * 31),
        }),
        response: { 200: clockSchema },
      },
      handler: ({ body }) => {
        clock.advance(body.minutes * 60_000);
        return Promise.resolve(now());
      },
    }),
  ];
}
