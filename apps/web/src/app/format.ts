import type { Lang } from '../i18n/messages';

/** Fen (1/100 yuan) as yuan with two decimals, e.g. 129900 → "1,299.00". */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A date-time in the reader's language and time zone. */
export function dateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The first eight characters of an id, enough to tell claims apart on screen. */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(-8).toUpperCase();
}

export type RiskLevel = 'high' | 'medium' | 'low' | 'pending';

/** Risk bands over the claim's risk score (0..1). */
export function riskLevel(score: number | null): RiskLevel {
  if (score === null) return 'pending';
  if (score >= 0.7) return 'high';
  if (score >= 0.3) return 'medium';
  return 'low';
}

export interface Remaining {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly ms: number;
}

/** Time left until `deadline` at `nowMs`. */
export function remaining(deadline: string, nowMs: number): Remaining {
  const ms = new Date(deadline).getTime() - nowMs;
  const total = Math.max(0, Math.floor(ms / 60_000));
  return {
    overdue: ms <= 0,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
    ms,
  };
}
