/** Small pieces the service pages share: status tags, slot names, SLA timers, dispatch explanations, area names. */
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { dateTime } from '../../app/format';
import { useI18n } from '../../i18n/i18n';
import {
  call,
  itemsOf,
  type AreaDetail,
  type Bilingual,
  type DivisionRef,
  type RepairStatus,
  type SlaTimer,
  type Slot,
} from './service-api';
import { timerState, type TimerTone } from './sla-tone';

export { leadTimer, timerState } from './sla-tone';

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
        ? minutes >= 60
          ? t('svc.sla.pausedHours', { h: Math.floor(minutes / 60), m: minutes % 60 })
          : t('svc.sla.paused', { m: minutes })
        : tone === 'red'
          ? minutes >= 1440
            ? t('svc.sla.breachedDays', { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) })
            : minutes >= 60
              ? t('svc.sla.breachedHours', { h: Math.floor(minutes / 60), m: minutes % 60 })
              : t('svc.sla.breached', { m: minutes })
          : minutes >= 60
            ? t('svc.sla.leftHours', { h: Math.floor(minutes / 60), m: minutes % 60 })
            : t('svc.sla.left', { m: minutes });
  const kind = t(`svc.timer.${timer.kind}`);
  return (
    <Tooltip title={timer.dueAt ? dateTime(timer.dueAt, lang) : undefined}>
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

/** Names of the workspace's technicians and outlets by id (orders carry ids only), loaded once per page. */
export function useNetworkNames(): {
  readonly technician: (id: string | null) => string | null;
  readonly outlet: (id: string | null) => string | null;
  readonly technicianByUser: (userId: string) => string | null;
} {
  const [names, setNames] = useState<{
    t: Record<string, string>;
    o: Record<string, string>;
    u: Record<string, string>;
  }>({ t: {}, o: {}, u: {} });
  useEffect(() => {
    let live = true;
    void Promise.all([
      call<unknown>('GET', '/technicians?limit=200').then(
        itemsOf<{ id: string; name: string; userId: string | null }>,
        () => [],
      ),
      call<unknown>('GET', '/outlets?limit=200').then(itemsOf<{ id: string; name: string }>, () => []),
    ]).then(([techs, outlets]) => {
      if (!live) return;
      setNames({
        t: Object.fromEntries(techs.map((x) => [x.id, x.name])),
        o: Object.fromEntries(outlets.map((x) => [x.id, x.name])),
        u: Object.fromEntries(techs.filter((x) => x.userId).map((x) => [x.userId!, x.name])),
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return {
    technician: (id) => (id ? (names.t[id] ?? null) : null),
    outlet: (id) => (id ? (names.o[id] ?? null) : null),
    technicianByUser: (userId) => names.u[userId] ?? null,
  };
}

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;
}

/**
 * Lines of a history entry's explanation in the reader's language: the automatic dispatch's explanation of the
 * chosen technician and its summary of who was left out, a manual assignment's reason and what it overrode, a
 * reason or note of other events.
 */
export function explanationLines(value: unknown, lang: 'zh' | 'en'): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (isBilingual(value)) return [String(value[lang])];
  if (Array.isArray(value)) return value.flatMap((v) => explanationLines(v, lang));
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return ['explanation', 'summary', 'reason', 'note', 'comment', 'overrides', 'text', 'message'].flatMap((key) =>
      key in o ? explanationLines(o[key], lang) : [],
    );
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
