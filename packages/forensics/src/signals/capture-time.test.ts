import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawMetadata } from '../ports.js';
import { bestCaptureTime, captureTimeSignal, parseOffset } from './capture-time.js';
import type { SignalContext, SignalResult } from './signal.js';

const meta = (exif: Record<string, unknown>): RawMetadata => ({ exif, xmp: [], iptc: {}, errors: [] });
const run = (exif: Record<string, unknown>, deliveredAt?: string) =>
  captureTimeSignal.run({
    meta: meta(exif),
    ...(deliveredAt ? { deliveredAt: new Date(deliveredAt) } : {}),
  } as SignalContext) as SignalResult;

describe('bestCaptureTime', () => {
  it('prefers GPS time (UTC)', () => {
    const t = bestCaptureTime({
      DateTimeOriginal: '2024:05:01 10:00:00',
      OffsetTimeOriginal: '+08:00',
      GPSDateStamp: '2024:05:01',
      GPSTimeStamp: [1, 59, 30],
    });
    assert.equal(t?.source, 'gps');
    assert.equal(t?.instant.toISOString(), '2024-05-01T01:59:30.000Z');
  });
  it('distrusts GPS and camera clocks that no time zone reconciles, taking the later', () => {
    const t = bestCaptureTime({
      DateTimeOriginal: '2008:10:22 16:28:39',
      GPSDateStamp: '2008:10:23',
      GPSTimeStamp: [14, 27, 7],
    });
    assert.equal(t?.source, 'clocks_disagree');
    assert.equal(t?.instant.toISOString(), '2008-10-23T14:27:07.000Z');
    const agree = bestCaptureTime({
      DateTimeOriginal: '2008:10:23 22:27:07',
      GPSDateStamp: '2008:10:23',
      GPSTimeStamp: [14, 27, 7],
    });
    assert.equal(agree?.source, 'gps');
    const offBy = bestCaptureTime({
      DateTimeOriginal: '2008:10:23 22:27:07',
      OffsetTimeOriginal: '+09:00',
      GPSDateStamp: '2008:10:23',
      GPSTimeStamp: [14, 27, 7],
    });
    assert.equal(offBy?.source, 'clocks_disagree');
  });
  it('uses OffsetTimeOriginal', () => {
    const t = bestCaptureTime({ DateTimeOriginal: '2024:05:01 10:00:00', OffsetTimeOriginal: '-05:00' });
    assert.equal(t?.source, 'camera_with_offset');
    assert.equal(t?.instant.toISOString(), '2024-05-01T15:00:00.000Z');
  });
  it('assumes +08:00 without an offset and says so', () => {
    const t = bestCaptureTime({ DateTimeOriginal: '2024:05:01 10:00:00' });
    assert.equal(t?.offsetAssumed, true);
    assert.equal(t?.instant.toISOString(), '2024-05-01T02:00:00.000Z');
  });
  it('ignores unset camera clocks and junk', () => {
    assert.equal(bestCaptureTime({ DateTimeOriginal: '2000:01:01 00:00:00' }), undefined);
    assert.equal(bestCaptureTime({ DateTimeOriginal: '0000:00:00 00:00:00' }), undefined);
    assert.equal(bestCaptureTime({ DateTimeOriginal: 'yesterday' }), undefined);
    assert.equal(bestCaptureTime({}), undefined);
  });
  it('parses offsets', () => {
    assert.equal(parseOffset('+08:00'), 480);
    assert.equal(parseOffset('-0530'), -330);
    assert.equal(parseOffset('Z'), 0);
    assert.equal(parseOffset('+25:00'), undefined);
  });
});

describe('captureTimeSignal', () => {
  const exif = { DateTimeOriginal: '2024:05:01 10:00:00', OffsetTimeOriginal: '+08:00' };
  it('flags a capture well before delivery', () => {
    const [finding] = run(exif, '2024-05-02T12:00:00+08:00').findings;
    assert.equal(finding?.code, 'metadata.captured_before_delivery');
    assert.equal(finding?.severity, 'warn');
    assert.match(finding.detail.en, /time-zone offset/);
  });
  it('stays quiet within the clock tolerance and after delivery', () => {
    assert.deepEqual(run(exif, '2024-05-01T10:20:00+08:00').findings, []);
    assert.deepEqual(run(exif, '2024-04-30T10:00:00+08:00').findings, []);
  });
  it('weighs an assumed offset less than a recorded one', () => {
    const recorded = run(exif, '2024-05-03T00:00:00Z').findings[0]!;
    const assumed = run({ DateTimeOriginal: '2024:05:01 10:00:00' }, '2024-05-03T00:00:00Z').findings[0]!;
    assert.ok(assumed.score < recorded.score);
    assert.match(assumed.detail.en, /assumed/);
  });
  it('says the time is unknown when a delivery time is given but the photo has none', () => {
    const [finding] = run({}, '2024-05-03T00:00:00Z').findings;
    assert.equal(finding?.code, 'metadata.capture_time_unknown');
    assert.equal(finding?.score, 0);
  });
  it('reports nothing without a delivery time, but keeps the capture time as a fact', () => {
    const result = run(exif);
    assert.deepEqual(result.findings, []);
    assert.equal((result.facts?.captureTime as { source: string }).source, 'camera_with_offset');
  });
});
