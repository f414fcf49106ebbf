import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import {
  DEFAULT_SLOT_SETTINGS,
  isSlot,
  serviceDayHours,
  SLOT_LABELS,
  SLOTS,
  slotWindow,
  technicianSlotCapacity,
  validateSlotSettings,
  type SlotSettings,
} from './slots.js';

const withHours = (hours: Partial<SlotSettings['hours']>, capacity = 2): SlotSettings => ({
  hours: { ...DEFAULT_SLOT_SETTINGS.hours, ...hours },
  capacityPerTechnician: capacity,
});

describe('slots', () => {
  it('has morning, afternoon and evening with zh/en labels', () => {
    assert.deepEqual(SLOTS, ['morning', 'afternoon', 'evening']);
    assert.deepEqual(
      SLOTS.map((s) => SLOT_LABELS[s].zh),
      ['上午', '下午', '晚上'],
    );
    assert.equal(isSlot('evening'), true);
    assert.equal(isSlot('night'), false);
  });

  it('defaults to 08–12, 12–18, 18–21 and two bookings per technician per slot', () => {
    assert.deepEqual(validateSlotSettings(DEFAULT_SLOT_SETTINGS), DEFAULT_SLOT_SETTINGS);
    assert.deepEqual(serviceDayHours(), { start: '08:00', end: '21:00' });
    assert.equal(DEFAULT_SLOT_SETTINGS.capacityPerTechnician, 2);
  });

  for (const [name, settings, field] of [
    ['a malformed time', withHours({ morning: { start: '8:00', end: '12:00' } }), 'hours.morning.start'],
    ['an hour past 23', withHours({ evening: { start: '18:00', end: '25:00' } }), 'hours.evening.end'],
    ['an end before its start', withHours({ afternoon: { start: '18:00', end: '12:00' } }), 'hours.afternoon'],
    ['an empty window', withHours({ morning: { start: '09:00', end: '09:00' } }), 'hours.morning'],
    ['overlapping slots', withHours({ afternoon: { start: '11:00', end: '18:00' } }), 'hours.afternoon'],
    ['slots out of order', withHours({ evening: { start: '07:00', end: '08:00' } }), 'hours.evening'],
    ['capacity 0', withHours({}, 0), 'capacityPerTechnician'],
    ['capacity 1.5', withHours({}, 1.5), 'capacityPerTechnician'],
    ['capacity 21', withHours({}, 21), 'capacityPerTechnician'],
  ] as const)
    it(`refuses ${name}, naming ${field}`, () => {
      assert.throws(
        () => validateSlotSettings(settings),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.details?.field === field,
      );
    });

  it('accepts gaps between slots and an evening to midnight', () => {
    const settings = withHours({
      morning: { start: '09:00', end: '11:30' },
      afternoon: { start: '13:00', end: '17:00' },
      evening: { start: '19:00', end: '24:00' },
    });
    assert.equal(validateSlotSettings(settings), settings);
    assert.deepEqual(serviceDayHours(settings), { start: '09:00', end: '24:00' });
  });

  it('turns a slot on a date into Shanghai instants', () => {
    assert.deepEqual(slotWindow('2026-01-05', 'morning'), {
      startsAt: '2026-01-05T00:00:00.000Z',
      endsAt: '2026-01-05T04:00:00.000Z',
    });
    assert.deepEqual(slotWindow('2026-01-05', 'evening'), {
      startsAt: '2026-01-05T10:00:00.000Z',
      endsAt: '2026-01-05T13:00:00.000Z',
    });
  });

  it("uses a technician's own capacity when set", () => {
    assert.equal(technicianSlotCapacity(DEFAULT_SLOT_SETTINGS), 2);
    assert.equal(technicianSlotCapacity(DEFAULT_SLOT_SETTINGS, null), 2);
    assert.equal(technicianSlotCapacity(DEFAULT_SLOT_SETTINGS, 5), 5);
  });
});
