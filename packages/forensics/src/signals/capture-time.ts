import { makeFinding } from '../finding.js';
import { text } from '../text.js';
import { NOTHING, type Signal, type SignalResult } from './signal.js';

/** Which clock a capture time came from, most trustworthy first. */
export type ClockSource = 'gps' | 'camera_with_offset' | 'camera_assumed_offset' | 'clocks_disagree';

/** A capture instant with the clock it came from and how far that clock can be trusted. */
export interface CaptureTime {
  readonly instant: Date;
  readonly source: ClockSource;
  /** The local EXIF time as written, e.g. `2024:05:01 13:45:10`. */
  readonly local?: string;
  /** The UTC offset used, e.g. `+08:00`; `assumed` when the photo carries none. */
  readonly offset: string;
  readonly offsetAssumed: boolean;
  /** Clock uncertainty allowed before a capture counts as "before delivery", in minutes. */
  readonly toleranceMinutes: number;
}

/** The offset assumed when a photo carries none: China Standard Time, the product's market. */
export const ASSUMED_OFFSET = '+08:00';
/** Camera clocks reset to defaults (2000-01-01, 1970) are not trusted: times before this are ignored. */
const EARLIEST_TRUSTED_YEAR = 2005;

const TOLERANCE_MINUTES: Record<ClockSource, number> = {
  gps: 10,
  camera_with_offset: 30,
  camera_assumed_offset: 90,
  clocks_disagree: 90,
};
const STRENGTH: Record<ClockSource, number> = {
  gps: 1,
  camera_with_offset: 0.9,
  camera_assumed_offset: 0.6,
  clocks_disagree: 0.6,
};
/** Real UTC offsets lie in −12:00..+14:00 and are whole quarter hours; GPS and camera clocks agreeing must imply one. */
function impliesRealOffset(localAsUtcMs: number, gpsMs: number, recordedOffsetMinutes: number | undefined): boolean {
  const impliedMinutes = (localAsUtcMs - gpsMs) / 60_000;
  if (recordedOffsetMinutes !== undefined) return Math.abs(impliedMinutes - recordedOffsetMinutes) <= 5;
  if (impliedMinutes < -12 * 60 - 5 || impliedMinutes > 14 * 60 + 5) return false;
  const toQuarter = Math.abs(impliedMinutes - Math.round(impliedMinutes / 15) * 15);
  return toQuarter <= 5;
}

/** Parses an EXIF date-time (`YYYY:MM:DD HH:MM:SS`, also with `-` or `T`) into its parts; undefined if invalid. */
export function parseExifDateTime(
  value: unknown,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  return { y, mo, d, h, mi, s };
}

/** Parses a UTC offset (`+08:00`, `-0530`, `Z`) into minutes east of UTC. */
export function parseOffset(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim().toUpperCase() === 'Z') return 0;
  const m = /^\s*([+-])(\d{2}):?(\d{2})\s*$/.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return minutes > 14 * 60 ? undefined : (m[1] === '-' ? -1 : 1) * minutes;
}

function gpsTime(exif: Readonly<Record<string, unknown>>): Date | undefined {
  const date = exif.GPSDateStamp;
  const time = exif.GPSTimeStamp;
  if (typeof date !== 'string') return undefined;
  const dm = /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(date);
  if (!dm) return undefined;
  let hms: number[] | undefined;
  if (Array.isArray(time) && time.length === 3 && time.every((n) => typeof n === 'number')) hms = time;
  else if (typeof time === 'string') hms = time.split(':').map(Number);
  if (!hms || hms.length !== 3 || hms.some((n) => !Number.isFinite(n))) return undefined;
  const ms = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), hms[0], hms[1], Math.floor(hms[2]!));
  return Number.isFinite(ms) && new Date(ms).getUTCFullYear() >= EARLIEST_TRUSTED_YEAR ? new Date(ms) : undefined;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The most trustworthy capture time in EXIF: GPS time (UTC from satellites), then DateTimeOriginal with its
 * OffsetTimeOriginal, then DateTimeOriginal read as {@link ASSUMED_OFFSET}. Undefined when none is usable.
 */
export function bestCaptureTime(exif: Readonly<Record<string, unknown>>): CaptureTime | undefined {
  const local = exif.DateTimeOriginal ?? exif.CreateDate;
  const parts = parseExifDateTime(local);
  const localText = typeof local === 'string' ? { local } : {};
  const usableLocal = parts && parts.y >= EARLIEST_TRUSTED_YEAR ? parts : undefined;
  const recordedOffset =
    parseOffset(exif.OffsetTimeOriginal) ?? parseOffset(exif.OffsetTimeDigitized) ?? parseOffset(exif.OffsetTime);
  const localAsUtcMs = usableLocal
    ? Date.UTC(usableLocal.y, usableLocal.mo - 1, usableLocal.d, usableLocal.h, usableLocal.mi, usableLocal.s)
    : undefined;
  const gps = gpsTime(exif);
  if (gps) {
    if (localAsUtcMs === undefined || impliesRealOffset(localAsUtcMs, gps.getTime(), recordedOffset)) {
      return {
        instant: gps,
        source: 'gps',
        ...localText,
        offset: 'Z',
        offsetAssumed: false,
        toleranceMinutes: TOLERANCE_MINUTES.gps,
      };
    }
    // The camera clock and the GPS clock cannot both be right: trust neither fully and take the later instant,
    // so a disagreement can only make the photo look newer, never older.
    const cameraMs = localAsUtcMs - (recordedOffset ?? 480) * 60_000;
    const later = Math.max(cameraMs, gps.getTime());
    return {
      instant: new Date(later),
      source: 'clocks_disagree',
      ...localText,
      offset: recordedOffset === undefined ? ASSUMED_OFFSET : formatOffset(recordedOffset),
      offsetAssumed: recordedOffset === undefined,
      toleranceMinutes: TOLERANCE_MINUTES.clocks_disagree,
    };
  }
  if (localAsUtcMs === undefined) return undefined;
  const assumed = recordedOffset === undefined;
  const offset = recordedOffset ?? 480;
  const source: ClockSource = assumed ? 'camera_assumed_offset' : 'camera_with_offset';
  return {
    instant: new Date(localAsUtcMs - offset * 60_000),
    source,
    ...localText,
    offset: formatOffset(offset),
    offsetAssumed: assumed,
    toleranceMinutes: TOLERANCE_MINUTES[source],
  };
}

const CLOCK = {
  gps: { zh: 'GPS 时间（卫星 UTC 时钟，可信度高）', en: 'GPS time (satellite UTC clock, high trust)' },
  camera_with_offset: {
    zh: '相机时钟，含时区偏移（可信度中）',
    en: 'camera clock with its time-zone offset (medium trust)',
  },
  camera_assumed_offset: {
    zh: `相机时钟，照片未记录时区，按 ${ASSUMED_OFFSET}（北京时间）推定（可信度低）`,
    en: `camera clock; the photo records no time zone, so ${ASSUMED_OFFSET} (China Standard Time) is assumed (low trust)`,
  },
  clocks_disagree: {
    zh: 'GPS 时间与相机时钟互相矛盾（无法用任何时区解释），取两者中较晚的时间（可信度低）',
    en: 'GPS time and the camera clock contradict each other (no time zone explains the gap), so the later of the two is used (low trust)',
  },
} as const;

function describeDuration(ms: number): { zh: string; en: string } {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return { zh: `${minutes} 分钟`, en: `${minutes} minutes` };
  const hours = Math.round(minutes / 6) / 10;
  if (hours < 48) return { zh: `${hours} 小时`, en: `${hours} hours` };
  const days = Math.round(hours / 2.4) / 10;
  if (days < 730) return { zh: `${days} 天`, en: `${days} days` };
  const years = Math.round(days / 36.525) / 10;
  return { zh: `${years} 年`, en: `${years} years` };
}

/**
 * Capture time against the delivery time → `metadata.captured_before_delivery` (beyond the clock's tolerance);
 * no usable time while a delivery time is known → `metadata.capture_time_unknown` (info).
 */
export const captureTimeSignal: Signal = {
  name: 'capture-time',
  run(ctx): SignalResult {
    const capture = bestCaptureTime(ctx.meta.exif);
    const facts = capture
      ? {
          captureTime: {
            instant: capture.instant.toISOString(),
            source: capture.source,
            local: capture.local,
            offset: capture.offset,
            offsetAssumed: capture.offsetAssumed,
          },
        }
      : undefined;
    const deliveredAt = ctx.deliveredAt;
    if (!deliveredAt) return facts ? { findings: [], facts } : NOTHING;
    if (!capture) {
      return {
        findings: [
          makeFinding('metadata.capture_time_unknown', {
            severity: 'info',
            strength: 0,
            detail: text(
              '照片没有可信的拍摄时间（无 GPS 时间、无有效的 DateTimeOriginal），无法判断是否在签收后拍摄。',
              'The photo has no trustworthy capture time (no GPS time, no valid DateTimeOriginal), so whether it was taken after delivery cannot be told.',
            ),
          }),
        ],
      };
    }
    const earlyMs = deliveredAt.getTime() - capture.instant.getTime();
    if (earlyMs <= capture.toleranceMinutes * 60_000) return { findings: [], facts: facts ?? {} };
    const early = describeDuration(earlyMs);
    const clock = CLOCK[capture.source];
    const finding = makeFinding('metadata.captured_before_delivery', {
      severity: 'warn',
      strength: STRENGTH[capture.source],
      detail: text(
        `拍摄时间 ${capture.instant.toISOString()}（${clock.zh}${capture.local ? `，EXIF 本地时间 ${capture.local}` : ''}）比签收时间 ${deliveredAt.toISOString()} 早 ${early.zh}，超出该时钟允许的误差 ${capture.toleranceMinutes} 分钟。`,
        `Captured at ${capture.instant.toISOString()} (${clock.en}${capture.local ? `, EXIF local time ${capture.local}` : ''}), ${early.en} before the delivery at ${deliveredAt.toISOString()}, beyond this clock's ${capture.toleranceMinutes}-minute tolerance.`,
      ),
      facts: {
        capturedAt: capture.instant.toISOString(),
        deliveredAt: deliveredAt.toISOString(),
        source: capture.source,
        offset: capture.offset,
        offsetAssumed: capture.offsetAssumed,
        earlyMinutes: Math.round(earlyMs / 60_000),
      },
    });
    return { findings: [finding], facts: facts ?? {} };
  },
};
