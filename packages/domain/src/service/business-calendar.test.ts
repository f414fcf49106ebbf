import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import chineseDays from 'chinese-days';
import { DomainError } from '../errors.js';
import { createBusinessCalendar, type DayKind } from './business-calendar.js';
import { addDays, weekdayOf } from './shanghai-time.js';

const calendar = createBusinessCalendar();
/** Shanghai wall clock → ISO instant. */
const sh = (local: string): string => new Date(`${local}:00+08:00`).toISOString();

describe('business calendar: days (State Council notices for 2025 and 2026)', () => {
  for (const [date, kind, zh] of [
    ['2025-01-01', 'holiday', '元旦'],
    ['2025-01-26', 'makeup_workday', '春节'], // Sunday worked for 春节
    ['2025-01-28', 'holiday', '春节'], // 除夕
    ['2025-02-04', 'holiday', '春节'],
    ['2025-02-05', 'workday', undefined],
    ['2025-02-08', 'makeup_workday', '春节'], // Saturday worked
    ['2025-02-09', 'weekend', undefined],
    ['2025-04-27', 'makeup_workday', '劳动节'],
    ['2025-05-05', 'holiday', '劳动节'],
    ['2025-09-28', 'makeup_workday', '国庆节'],
    ['2025-10-01', 'holiday', '国庆节'],
    ['2025-10-06', 'holiday', '中秋'],
    ['2025-10-08', 'holiday', '国庆节'],
    ['2025-10-09', 'workday', undefined],
    ['2025-10-11', 'makeup_workday', '国庆节'],
    ['2026-01-02', 'holiday', '元旦'],
    ['2026-01-04', 'makeup_workday', '元旦'],
    ['2026-02-14', 'makeup_workday', '春节'],
    ['2026-02-15', 'holiday', '春节'],
    ['2026-02-17', 'holiday', '春节'], // 正月初一
    ['2026-02-23', 'holiday', '春节'],
    ['2026-02-24', 'workday', undefined],
    ['2026-02-28', 'makeup_workday', '春节'],
    ['2026-03-01', 'weekend', undefined],
    ['2026-09-20', 'makeup_workday', '国庆节'],
    ['2026-10-07', 'holiday', '国庆节'],
    ['2026-10-10', 'makeup_workday', '国庆节'],
    ['2026-11-20', 'workday', undefined],
    ['2026-11-21', 'weekend', undefined],
  ] as const satisfies readonly (readonly [string, DayKind, string | undefined])[])
    it(`${date} is a ${kind}${zh ? ` (${zh})` : ''}`, () => {
      const day = calendar.dayKind(date);
      assert.equal(day.kind, kind);
      assert.equal(day.working, kind === 'workday' || kind === 'makeup_workday');
      assert.equal(calendar.isWorkingDay(date), day.working);
      assert.equal(day.name?.zh, zh);
      assert.equal(day.fromHolidayData, true);
      if (zh) assert.match(day.name!.en, /^[A-Z]/);
    });

  it('marks holidays paid back by a make-up day as in lieu (调休)', () => {
    assert.equal(calendar.dayKind('2026-02-20').inLieu, true);
    assert.equal(calendar.dayKind('2026-02-17').inLieu, false);
  });

  it("agrees with the package's own isWorkday on every day of 2025 and 2026", () => {
    let checked = 0;
    for (let date = '2025-01-01'; date <= '2026-12-31'; date = addDays(date, 1), checked++)
      assert.equal(calendar.isWorkingDay(date), chineseDays.isWorkday(date), date);
    assert.equal(checked, 730);
  });

  it('falls back to weekends only, and says so, for a year beyond the data', () => {
    assert.ok(calendar.dataYears.from <= 2025 && calendar.dataYears.to >= 2026, JSON.stringify(calendar.dataYears));
    const year = calendar.dataYears.to + 1;
    let date = `${year}-01-01`;
    for (; calendar.dayKind(date).kind !== 'weekend'; date = addDays(date, 1));
    assert.deepEqual(calendar.dayKind(date), { date, kind: 'weekend', working: false, fromHolidayData: false });
    const monday = addDays(date, weekdayOf(date) === 6 ? 2 : 1);
    assert.deepEqual(calendar.dayKind(monday), {
      date: monday,
      kind: 'workday',
      working: true,
      fromHolidayData: false,
    });
  });

  it('takes newer data when given (an announcement the package has not caught up with)', () => {
    const own = createBusinessCalendar({
      holidays: { '2031-01-01': "New Year's Day,元旦,1" },
      workdays: { '2031-01-04': "New Year's Day,元旦,1" },
      inLieuDays: {},
    });
    assert.deepEqual(own.dataYears, { from: 2031, to: 2031 });
    assert.equal(own.dayKind('2031-01-01').kind, 'holiday');
    assert.equal(own.dayKind('2031-01-04').kind, 'makeup_workday'); // a Saturday
    assert.equal(own.dayKind('2031-01-05').kind, 'weekend');
    assert.equal(own.dayKind('2031-01-05').fromHolidayData, true);
    assert.equal(own.nextWorkingDay('2031-01-01'), '2031-01-02');
  });

  it('runs on weekends only without any data, and says so', () => {
    const bare = createBusinessCalendar({ holidays: {}, workdays: {}, inLieuDays: {} });
    assert.deepEqual(bare.dataYears, { from: 0, to: -1 });
    assert.deepEqual(bare.dayKind('2026-10-01'), {
      date: '2026-10-01',
      kind: 'workday',
      working: true,
      fromHolidayData: false,
    });
    assert.equal(bare.isWorkingDay('2026-10-03'), false);
  });

  it('refuses a malformed date', () => {
    for (const bad of ['2026-2-1', '2026-02-30', 'tomorrow'])
      assert.throws(
        () => calendar.dayKind(bad),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_input',
      );
  });
});

describe('business calendar: business minutes (08:00–21:00 by default)', () => {
  for (const [name, from, minutes, due] of [
    ['inside the day', '2026-03-10T09:00', 30, '2026-03-10T09:30'],
    ['before opening starts at opening', '2026-03-10T06:00', 30, '2026-03-10T08:30'],
    ['across a night', '2026-03-10T20:50', 30, '2026-03-11T08:20'],
    ['ending exactly at closing', '2026-03-10T20:30', 30, '2026-03-10T21:00'],
    ['across a weekend', '2026-03-13T20:45', 30, '2026-03-16T08:15'],
    ['on a Saturday evening', '2026-03-14T19:00', 30, '2026-03-16T08:30'],
    ['into a make-up Saturday (春节调休)', '2026-02-13T20:30', 60, '2026-02-14T08:30'],
    ['across 春节 2026', '2026-02-14T20:45', 30, '2026-02-24T08:15'],
    ['across 国庆 2025', '2025-09-30T20:50', 30, '2025-10-09T08:20'],
    ['a full working day', '2026-03-10T08:00', 13 * 60, '2026-03-10T21:00'],
    ['three working days from Friday noon', '2026-03-13T12:00', 3 * 13 * 60, '2026-03-18T12:00'],
    ['zero minutes outside hours', '2026-03-14T23:00', 0, '2026-03-14T23:00'],
  ] as const)
    it(`adds ${minutes} min ${name}`, () => {
      assert.equal(calendar.addBusinessMinutes(sh(from), minutes), sh(due));
      assert.equal(calendar.businessMinutesBetween(sh(from), sh(due)), minutes);
    });

  it('counts only the hours given', () => {
    const hours = { start: '09:00', end: '17:00' };
    assert.equal(calendar.addBusinessMinutes(sh('2026-03-10T16:45'), 30, hours), sh('2026-03-11T09:15'));
    assert.equal(calendar.businessMinutesBetween(sh('2026-03-10T00:00'), sh('2026-03-12T00:00'), hours), 16 * 60);
  });

  it('counts nothing over a holiday and negative backwards', () => {
    assert.equal(calendar.businessMinutesBetween(sh('2026-10-01T00:00'), sh('2026-10-08T00:00')), 0);
    assert.equal(calendar.businessMinutesBetween(sh('2026-03-10T10:00'), sh('2026-03-10T09:00')), -60);
  });

  it('is the inverse of addBusinessMinutes for a spread of starts and lengths', () => {
    for (let i = 0; i < 200; i++) {
      const from = new Date(Date.UTC(2025, 0, 1) + ((i * 7_919_993_311) % (700 * 86_400_000))).toISOString();
      const minutes = (i * 97) % 5_000;
      const due = calendar.addBusinessMinutes(from, minutes);
      assert.ok(due >= from, `${from} + ${minutes}`);
      assert.equal(calendar.businessMinutesBetween(from, due), minutes, `${from} + ${minutes}`);
    }
  });

  it('refuses negative minutes', () => {
    assert.throws(
      () => calendar.addBusinessMinutes(sh('2026-03-10T09:00'), -1),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid_input',
    );
  });
});
