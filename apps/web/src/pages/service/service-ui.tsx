/** Small pieces the service pages share: status tags, slot names, SLA timers, dispatch explanations, area names. */
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { dateTime } from '../../app/format';
import { useI18n } from '../../i18n/i18n';
import {
  call,
  type AreaDetail,
  type Bilingual,
  type DivisionRef,
  type RepairStatus,
  type SlaTimer,
  type Slot,
} from './service-api';

const STATUS_COLOURS: Record<RepairStatus, string> = {
  reported: 'gold',
  assigned: 'blue',
  accepted: 'geekblue',
  on_the_way: 'cyan',
  on_site: 'processing',
  completed: 'green',
  needs_parts: 'orange',
  rescheduled: 'purple',
  closed: 'default',
  cancelled: 'default',
};

export function RepairStatusTag({ status }: { readonly status: RepairStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`svc.status.${status}`)}
    </Tag>
  );
}

export function SlotName({ slot }: { readonly slot: Slot | null | undefined }) {
  const { t } = useI18n();
  return <>{slot ? t(`svc.slot.${slot}`) : '—'}</>;
}

export type TimerTone = 'ok' | 'amber' | 'red' | 'paused' | 'met';

/** How a timer looks now: red once breached, amber in its last third (or last 10 minutes), paused, met. */
export function timerState(timer: SlaTimer, now: number): { tone: TimerTone; minutes: number } {
  if (timer.met) return { tone: 'met', minutes: 0 };
  if (timer.paused) return { tone: 'paused', minutes: Math.max(0, Math.round(timer.remainingMinutes)) };
  const due = Date.parse(timer.dueAt);
  const left = (due - now) / 60_000;
  if (timer.breachedAt || left <= 0) {
    const since = timer.breachedAt ? Math.min(Date.parse(timer.breachedAt), due) : due;
    return { tone: 'red', minutes: Math.max(0, Math.floor((now - since) / 60_000)) };
  }
  const total = Math.max(1, (due - Date.parse(timer.startedAt)) / 60_000);
  return { tone: left <= 10 || left <= total / 3 ? 'amber' : 'ok', minutes: Math.ceil(left) };
}

const TONE_COLOURS: Record<TimerTone, string> = {
  ok: 'green',
  amber: 'orange',
  red: 'red',
  paused: 'default',
  met: 'default',
};

/** One SLA timer counting down: "响应 剩 12 分钟", amber near the end, red once breached. */
export function SlaTimerTag({ timer, now }: { readonly timer: SlaTimer; readonly now: number }) {
  const { t, lang } = useI18n();
  const { tone, minutes } = timerState(timer, now);
  const text =
    tone === 'met'
      ? t('svc.sla.met')
      : tone === 'paused'
        ? t('svc.sla.paused', { m: minutes })
        : tone === 'red'
          ? t('svc.sla.breached', { m: minutes })
          : minutes >= 60
            ? t('svc.sla.leftHours', { h: Math.floor(minutes / 60), m: minutes % 60 })
            : t('svc.sla.left', { m: minutes });
  const kind = ['response', 'arrival', 'resolution'].includes(timer.kind)
    ? t(`svc.timer.${timer.kind as 'response'}`)
    : timer.kind;
  return (
    <Tooltip title={dateTime(timer.dueAt, lang)}>
      <Tag
        color={TONE_COLOURS[tone]}
        variant={tone === 'red' ? 'solid' : 'filled'}
        data-tone={tone}
        data-testid="sla-timer"
        style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
      >
        {kind} {text}
      </Tag>
    </Tooltip>
  );
}

/** The timer that matters most now: a breached one, else the running one due first. */
export function leadTimer(timers: readonly SlaTimer[] | undefined): SlaTimer | undefined {
  const open = (timers ?? []).filter((x) => !x.met);
  const breached = open.find((x) => x.breachedAt);
  if (breached) return breached;
  return [...open].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;
}

/** Lines of a dispatch explanation in the reader's language, whatever shape the server sent (text or list). */
export function explanationLines(value: unknown, lang: 'zh' | 'en'): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (isBilingual(value)) return [String(value[lang])];
  if (Array.isArray(value)) return value.flatMap((v) => explanationLines(v, lang));
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of ['explanation', 'reasons', 'lines', 'summary', 'message', 'text'])
      if (key in o) return explanationLines(o[key], lang);
  }
  return [];
}

const areaCache = new Map<string, Promise<DivisionRef | null>>();

/** A division's name by code from the areas API (cached for the session). */
export function areaName(code: string): Promise<DivisionRef | null> {
  let hit = areaCache.get(code);
  if (!hit) {
    hit = call<AreaDetail>('GET', `/areas/${encodeURIComponent(code)}`).then(
      (d) => d.division,
      () => null,
    );
    areaCache.set(code, hit);
  }
  return hit;
}

/** Names for a set of division codes, filled in as the areas API answers. */
export function useAreaNames(codes: readonly string[]): Readonly<Record<string, DivisionRef>> {
  const [names, setNames] = useState<Record<string, DivisionRef>>({});
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const code of key ? key.split(',') : [])
      void areaName(code).then((d) => {
        if (live && d) setNames((prev) => (prev[code] ? prev : { ...prev, [code]: d }));
      });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

/** An error's text in the reader's language (the API's bilingual message when it has one). */
export function errorText(error: unknown, pick: (text: Bilingual) => string): string {
  if (error instanceof ApiError) return pick(error.text);
  return error instanceof Error ? error.message : String(error);
}
