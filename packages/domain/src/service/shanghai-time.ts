import { errors } from '../errors.js';

/**
 * Wall-clock helpers for Asia/Shanghai, which is UTC+8 all year (China has had no daylight saving time since 1991),
 * so a fixed offset is exact. Dates are 'YYYY-MM-DD' strings in Shanghai; instants are ISO strings (or epoch ms);
 * clock times are 'HH:MM'.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** An instant as epoch milliseconds. */
export type Instant = string | number | Date;

/**
 * Epoch milliseconds of an instant.
 * @throws {DomainError} `invalid_input` when the string is not a date-time
 */
export function toEpochMs(instant: Instant): number {
  const ms =
    typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw errors.invalidInput('instant', { zh: '不是有效的时间', en: 'not a valid date-time' });
  return ms;
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * A date checked for form.
 * @throws {DomainError} `invalid_input` naming `field`
 */
export function assertIsoDate(value: string, field = 'date'): string {
  if (!isIsoDate(value))
    throw errors.invalidInput(field, { zh: '日期格式应为 YYYY-MM-DD', en: 'expected a YYYY-MM-DD date' });
  return value;
}

/**
 * Minutes after midnight of an 'HH:MM' clock time (00:00–23:59; '24:00' is accepted as the end of the day).
 * @throws {DomainError} `invalid_input` naming `field`
 * @example parseClock('08:30') // 510
 */
export function parseClock(value: string, field = 'time'): number {
  if (value === '24:00') return 24 * 60;
  const m = CLOCK_RE.exec(value);
  if (!m) throw errors.invalidInput(field, { zh: '时间格式应为 HH:MM', en: 'expected an HH:MM time' });
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'HH:MM' of minutes after midnight. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: Instant): string {
  return new Date(toEpochMs(instant) + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes after Shanghai midnight of an instant (fractional minutes kept). */
export function shanghaiMinuteOfDay(instant: Instant): number {
  const shifted = toEpochMs(instant) + OFFSET_MS;
  return (((shifted % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
}

/** Epoch ms of Shanghai midnight starting `date`. */
export function shanghaiMidnightMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw errors.invalidInput('date', { zh: '日期格式应为 YYYY-MM-DD', en: 'expected a YYYY-MM-DD date' });
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - OFFSET_MS;
}

/**
 * Epoch ms of a Shanghai wall-clock time on `date`.
 * @example new Date(shanghaiInstantMs('2026-01-05', 8 * 60)).toISOString() // '2026-01-05T00:00:00.000Z'
 */
export function shanghaiInstantMs(date: string, minuteOfDay: number): number {
  return shanghaiMidnightMs(date) + minuteOfDay * 60_000;
}

/** The date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(shanghaiMidnightMs(date) + OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(shanghaiMidnightMs(date) + OFFSET_MS).getUTCDay();
}
