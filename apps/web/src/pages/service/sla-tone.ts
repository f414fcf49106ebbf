/**
 * How an SLA timer looks on a screen at a moment, and which of an order's timers matters most. Pure (no React), so
 * the rules are tested on their own.
 */

/** What the pages need of a timer (the API's `SlaTimer` has it all). */
export interface TimerLike {
  readonly kind: string;
  readonly startedAt: string;
  readonly dueAt: string | null;
  /** Business minutes; negative when overdue. */
  readonly remainingMinutes: number;
  readonly paused: boolean;
  readonly breachedAt?: string;
  readonly met?: boolean;
  readonly state: 'running' | 'paused' | 'met' | 'breached' | 'stopped';
}

export type TimerTone = 'ok' | 'amber' | 'red' | 'paused' | 'met';

/**
 * How a timer looks now: red once breached (by the server's word, or its due time passing on this screen), amber in
 * its last third (or last 10 minutes), paused in waiting states, met or stopped when over.
 */
export function timerState(timer: TimerLike, now: number): { tone: TimerTone; minutes: number } {
  if (timer.state === 'met' || timer.state === 'stopped' || timer.met) return { tone: 'met', minutes: 0 };
  if (timer.state === 'paused' || timer.paused)
    return { tone: 'paused', minutes: Math.max(0, Math.round(timer.remainingMinutes)) };
  const due = timer.dueAt ? Date.parse(timer.dueAt) : NaN;
  const left = Number.isNaN(due) ? timer.remainingMinutes : (due - now) / 60_000;
  if (timer.state === 'breached' || timer.breachedAt || left <= 0) {
    const overdue = Number.isNaN(due) ? -timer.remainingMinutes : (now - due) / 60_000;
    return { tone: 'red', minutes: Math.max(0, Math.floor(Math.max(overdue, -timer.remainingMinutes))) };
  }
  const total = Number.isNaN(due) ? left : Math.max(1, (due - Date.parse(timer.startedAt)) / 60_000);
  return { tone: left <= 10 || left <= total / 3 ? 'amber' : 'ok', minutes: Math.ceil(left) };
}

/** The timer that matters most now: a breached one, else the running one due first. */
export function leadTimer<T extends TimerLike>(timers: readonly T[] | undefined): T | undefined {
  const open = (timers ?? []).filter((x) => x.state !== 'met' && x.state !== 'stopped');
  const breached = open.find((x) => x.state === 'breached');
  if (breached) return breached;
  return [...open].sort((a, b) => a.remainingMinutes - b.remainingMinutes)[0];
}
