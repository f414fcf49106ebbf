import type { Clock } from '@proofdesk/domain';

/** The real clock. */
export const systemClock: Clock = { nowMs: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.parse('2026-11-01T08:00:00.000Z')) {}
  nowMs(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

/** Epoch milliseconds as the ISO 8601 UTC text the database stores. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
