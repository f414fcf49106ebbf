import { createRequire } from 'node:module';
import { errors } from '../errors.js';
import { DEFAULT_SLOT_SETTINGS, serviceDayHours, type ClockWindow } from './slots.js';
import {
  addDays,
  assertIsoDate,
  parseClock,
  shanghaiDateOf,
  shanghaiInstantMs,
  shanghaiMidnightMs,
  toEpochMs,
  weekdayOf,
  type Instant,
} from './shanghai-time.js';

/**
 * China's working calendar in Asia/Shanghai: weekends, public holidays and the make-up working days (调休) the State
 * Council announces each year, read from the `chinese-days` package's data. Business time is counted only on working
 * days and only inside the working hours given (by default the service day of the default slots, 08:00–21:00).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** The shape of `chinese-days/dist/chinese-days.json`: date → "English name,中文名,days off". */
export interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  /** Make-up working days (调休上班) on what would be a weekend. */
  readonly workdays: Readonly<Record<string, string>>;
  /** Holidays that are paid back by a make-up working day. */
  readonly inLieuDays: Readonly<Record<string, string>>;
}

export interface DayInfo {
  readonly date: string;
  readonly kind: DayKind;
  readonly working: boolean;
  /** The holiday's name, for holidays and the make-up days that pay for them. */
  readonly name?: { readonly zh: string; readonly en: string };
  /** A holiday day paid back by a make-up working day (调休). */
  readonly inLieu?: boolean;
  /**
   * False when the date's year is beyond the data (holidays not yet announced, or before 2004): the day is then
   * judged by weekends only and may turn out to be a holiday.
   */
  readonly fromHolidayData: boolean;
}

export interface BusinessCalendar {
  /** The first and last year the holiday data covers. */
  readonly dataYears: { readonly from: number; readonly to: number };
  dayKind(date: string): DayInfo;
  isWorkingDay(date: string): boolean;
  /**
   * The instant `minutes` business minutes after `from`, counting only working days inside `hours`. Zero minutes
   * is `from` itself.
   * @throws {DomainError} `invalid_input` for negative or non-finite minutes
   */
  addBusinessMinutes(from: Instant, minutes: number, hours?: ClockWindow): string;
  /** Business minutes from `a` to `b` inside `hours` on working days (negative when `b` is before `a`). */
  businessMinutesBetween(a: Instant, b: Instant, hours?: ClockWindow): number;
  /** The next working date on or after `date`. */
  nextWorkingDay(date: string): string;
}

const MAX_DAYS_SCANNED = 3_700;

let packageData: ChineseDaysData | undefined;
/** The data shipped with the `chinese-days` package (2004 to its latest announced year). */
export function chineseDaysData(): ChineseDaysData {
  packageData ??= createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  return packageData;
}

function parseName(raw: string): { zh: string; en: string } {
  const [en = raw, zh = en] = raw.split(',');
  return { zh, en };
}

/**
 * A calendar over `chinese-days` data (the package's own by default; pass other data in tests or when a newer
 * announcement must be added before the package catches up).
 * @example createBusinessCalendar().dayKind('2026-02-14').kind // 'makeup_workday' (春节调休)
 */
export function createBusinessCalendar(data: ChineseDaysData = chineseDaysData()): BusinessCalendar {
  const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4)));
  // No data at all: an empty range (every year falls back to weekends only).
  const dataYears = years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : { from: 0, to: -1 };
  const covered = new Set(years);
  const defaultHours = serviceDayHours(DEFAULT_SLOT_SETTINGS);
  const cache = new Map<string, DayInfo>();

  function dayKind(date: string): DayInfo {
    const hit = cache.get(date);
    if (hit) return hit;
    assertIsoDate(date);
    const fromHolidayData = covered.has(Number(date.slice(0, 4)));
    const holiday = data.holidays[date];
    const makeup = data.workdays[date];
    const weekend = [0, 6].includes(weekdayOf(date));
    let info: DayInfo;
    if (holiday !== undefined)
      info = {
        date,
        kind: 'holiday',
        working: false,
        name: parseName(holiday),
        inLieu: data.inLieuDays[date] !== undefined,
        fromHolidayData,
      };
    else if (makeup !== undefined)
      info = { date, kind: 'makeup_workday', working: true, name: parseName(makeup), fromHolidayData };
    else info = { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, fromHolidayData };
    cache.set(date, info);
    return info;
  }

  const isWorkingDay = (date: string): boolean => dayKind(date).working;

  function windowMs(date: string, hours: ClockWindow): [number, number] {
    return [shanghaiInstantMs(date, parseClock(hours.start)), shanghaiInstantMs(date, parseClock(hours.end))];
  }

  function addBusinessMinutes(from: Instant, minutes: number, hours: ClockWindow = defaultHours): string {
    if (!Number.isFinite(minutes) || minutes < 0)
      throw errors.invalidInput('minutes', { zh: '须为非负数', en: 'must be zero or more' });
    let cursor = toEpochMs(from);
    if (minutes === 0) return new Date(cursor).toISOString();
    let remainingMs = minutes * 60_000;
    let date = shanghaiDateOf(cursor);
    for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, date = addDays(date, 1)) {
      if (!isWorkingDay(date)) continue;
      const [start, end] = windowMs(date, hours);
      cursor = Math.max(cursor, start);
      if (cursor >= end) continue;
      if (remainingMs <= end - cursor) return new Date(cursor + remainingMs).toISOString();
      remainingMs -= end - cursor;
    }
    throw errors.invalidInput('minutes', { zh: '超出可计算范围', en: 'too far ahead to count' });
  }

  function businessMinutesBetween(a: Instant, b: Instant, hours: ClockWindow = defaultHours): number {
    const from = toEpochMs(a);
    const to = toEpochMs(b);
    if (to < from) return -businessMinutesBetween(b, a, hours);
    let total = 0;
    const last = shanghaiDateOf(to);
    for (let date = shanghaiDateOf(from); date <= last; date = addDays(date, 1)) {
      if (!isWorkingDay(date)) continue;
      const [start, end] = windowMs(date, hours);
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) total += overlap;
    }
    return total / 60_000;
  }

  function nextWorkingDay(date: string): string {
    let day = assertIsoDate(date);
    for (let scanned = 0; scanned < MAX_DAYS_SCANNED && !isWorkingDay(day); scanned++) day = addDays(day, 1);
    return day;
  }

  return { dataYears, dayKind, isWorkingDay, addBusinessMinutes, businessMinutesBetween, nextWorkingDay };
}

/** The start of business hours on `date` as epoch ms (for callers that resume timers on a day). */
export function businessDayStartMs(date: string, hours: ClockWindow = serviceDayHours()): number {
  return shanghaiMidnightMs(date) + parseClock(hours.start) * 60_000;
}
