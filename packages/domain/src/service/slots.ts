import { errors } from '../errors.js';
import { formatClock, parseClock, shanghaiInstantMs } from './shanghai-time.js';

/** The three appointment slots of a day. */
export const SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type Slot = (typeof SLOTS)[number];

/** A window of the day, Shanghai wall clock, 'HH:MM', start inclusive, end exclusive. */
export interface ClockWindow {
  readonly start: string;
  readonly end: string;
}

/** A workspace's slot hours and how many bookings one technician takes per slot. */
export interface SlotSettings {
  readonly hours: Readonly<Record<Slot, ClockWindow>>;
  /** Bookings per technician per slot, unless the technician has an override. */
  readonly capacityPerTechnician: number;
}

export const MAX_CAPACITY_PER_SLOT = 20;

/** Hours most brands start with: 08:00–12:00, 12:00–18:00, 18:00–21:00; two bookings per technician per slot. */
export const DEFAULT_SLOT_SETTINGS: SlotSettings = {
  hours: {
    morning: { start: '08:00', end: '12:00' },
    afternoon: { start: '12:00', end: '18:00' },
    evening: { start: '18:00', end: '21:00' },
  },
  capacityPerTechnician: 2,
};

/** Bilingual slot labels. */
export const SLOT_LABELS: Readonly<Record<Slot, { zh: string; en: string }>> = {
  morning: { zh: '上午', en: 'Morning' },
  afternoon: { zh: '下午', en: 'Afternoon' },
  evening: { zh: '晚上', en: 'Evening' },
};

/** Whether `value` names a slot. */
export function isSlot(value: string): value is Slot {
  return (SLOTS as readonly string[]).includes(value);
}

/**
 * Checks slot settings beyond their shape: every window 'HH:MM' with start before end, slots in the order morning,
 * afternoon, evening without overlapping, capacity a whole number 1–20. Returns the settings unchanged.
 * @throws {DomainError} `invalid_input` naming the first bad field
 */
export function validateSlotSettings(settings: SlotSettings): SlotSettings {
  let previousEnd = -1;
  for (const slot of SLOTS) {
    const window = settings.hours[slot];
    const field = `hours.${slot}`;
    if (!window) throw errors.invalidInput(field, { zh: '缺少时段', en: 'missing' });
    const start = parseClock(window.start, `${field}.start`);
    const end = parseClock(window.end, `${field}.end`);
    if (end <= start)
      throw errors.invalidInput(field, { zh: '结束时间须晚于开始时间', en: 'the end must be after the start' });
    if (start < previousEnd)
      throw errors.invalidInput(field, {
        zh: '时段须按上午、下午、晚上的顺序且不重叠',
        en: 'slots must run morning, afternoon, evening without overlapping',
      });
    previousEnd = end;
  }
  const capacity = settings.capacityPerTechnician;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY_PER_SLOT)
    throw errors.invalidInput('capacityPerTechnician', {
      zh: `须为 1–${MAX_CAPACITY_PER_SLOT} 的整数`,
      en: `must be a whole number from 1 to ${MAX_CAPACITY_PER_SLOT}`,
    });
  return settings;
}

/** The working hours of a service day: from the first slot's start to the last slot's end. */
export function serviceDayHours(settings: SlotSettings = DEFAULT_SLOT_SETTINGS): ClockWindow {
  const starts = SLOTS.map((s) => parseClock(settings.hours[s].start));
  const ends = SLOTS.map((s) => parseClock(settings.hours[s].end));
  return { start: formatClock(Math.min(...starts)), end: formatClock(Math.max(...ends)) };
}

/** A slot on a date as instants (ISO, UTC). */
export function slotWindow(
  date: string,
  slot: Slot,
  settings: SlotSettings = DEFAULT_SLOT_SETTINGS,
): { startsAt: string; endsAt: string } {
  const window = settings.hours[slot];
  return {
    startsAt: new Date(shanghaiInstantMs(date, parseClock(window.start))).toISOString(),
    endsAt: new Date(shanghaiInstantMs(date, parseClock(window.end))).toISOString(),
  };
}

/** Bookings a technician takes per slot: their own override if set, else the workspace's. */
export function technicianSlotCapacity(settings: SlotSettings, override?: number | null): number {
  return override ?? settings.capacityPerTechnician;
}
