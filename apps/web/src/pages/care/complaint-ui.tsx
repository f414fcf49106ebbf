/** Small pieces of the complaint pages: the status tag and the SLA timer tag with its countdown. */
import { Tag, Tooltip } from 'antd';
import { dateTime } from '../../app/format';
import { useI18n } from '../../i18n/i18n';
import { timerState } from '../service/sla-tone';
import {
  LEVEL_TEXT,
  minutesText,
  STATUS_COLOURS,
  STATUS_TEXT,
  TIMER_TEXT,
  W,
  type ComplaintStatus,
  type ComplaintTimer,
} from './complaint-api';

const TONE_COLOURS = { ok: 'green', amber: 'orange', red: 'red', paused: 'default', met: 'default' } as const;

export function ComplaintStatusTag({ status }: { readonly status: ComplaintStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="complaint-status" data-status={status}>
      {pick(STATUS_TEXT[status])}
    </Tag>
  );
}

/**
 * One timer: working minutes left (the server's count, refreshed with the page), red once the due time passed,
 * amber in its last third; the ladder level reached when breached.
 */
export function ComplaintTimerTag({ timer, now }: { readonly timer: ComplaintTimer; readonly now: number }) {
  const { pick, lang } = useI18n();
  const { tone } = timerState({ ...timer, paused: false }, now);
  const kind = pick(TIMER_TEXT[timer.kind]);
  let text: string;
  if (tone === 'met') text = timer.state === 'met' ? pick(W.met) : '—';
  else if (tone === 'red') text = `${pick(W.overdue)} ${minutesText(-timer.remainingMinutes, lang)}`;
  else text = `${pick(W.left)} ${minutesText(timer.remainingMinutes, lang)}`;
  const level = timer.escalationLevel ? LEVEL_TEXT[timer.escalationLevel] : undefined;
  return (
    <Tooltip title={dateTime(timer.dueAt, lang)}>
      <Tag
        color={TONE_COLOURS[tone]}
        variant={tone === 'red' ? 'solid' : 'filled'}
        data-testid="complaint-timer"
        data-kind={timer.kind}
        data-tone={tone}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {kind} {text}
        {level && tone === 'red' ? ` · ${pick(W.escalated)}${lang === 'zh' ? '' : ' '}${pick(level)}` : ''}
      </Tag>
    </Tooltip>
  );
}
