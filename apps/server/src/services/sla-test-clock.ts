import type { Clock } from '@proofdesk/domain';

/**
 * The clock of a server started with `PROOFDESK_TEST_CLOCK=1` (and only then): real time plus an offset that
 * browser journeys move forward through `POST /api/v1/test-clock/advance`, so an SLA breach and its escalations can
 * be seen without waiting. Everything that reads the server's clock moves with it: the services, the job queue's
 * due times (the worker's next poll, at most a second later, runs the `sla.check` jobs now due) and sessions. Time
 * only moves forward. Never used otherwise: without the variable the route does not exist.
 */
export class TestClock implements Clock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the clock forward by `ms` (a whole, non-negative number). */
  advance(ms: number): void {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('the test clock only moves forward');
    this.offsetMs += ms;
  }

  /** How far ahead of real time the clock is, in ms. */
  get aheadMs(): number {
    return this.offsetMs;
  }
}
