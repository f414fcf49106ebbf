import { Tag, Tooltip } from 'antd';
import type { ClaimStatus } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { remaining, riskLevel } from './format';

const RISK_COLOURS = { high: 'red', medium: 'orange', low: 'green', pending: 'default' } as const;

/** Risk band with the score, e.g. 高风险 0.88. */
export function RiskBadge({ score }: { readonly score: number | null }) {
  const { t } = useI18n();
  const level = riskLevel(score);
  return (
    <Tag color={RISK_COLOURS[level]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {t(`risk.${level}`)}
      {score !== null && <span style={{ opacity: 0.8, marginInlineStart: 4 }}>{score.toFixed(2)}</span>}
    </Tag>
  );
}

const STATUS_COLOURS: Record<ClaimStatus, string> = {
  submitted: 'default',
  analysing: 'processing',
  awaiting_merchant: 'gold',
  in_review: 'blue',
  approved: 'green',
  partially_approved: 'cyan',
  rejected: 'volcano',
  appealed: 'purple',
  final: 'default',
  withdrawn: 'default',
};

export function StatusTag({ status }: { readonly status: ClaimStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{t(`status.${status}`)}</Tag>;
}

/** Time left in the merchant's response window, red when under 12 hours or overdue. */
export function SlaCountdown({ deadline, now }: { readonly deadline: string | null; readonly now: number }) {
  const { t, lang } = useI18n();
  if (!deadline) return <span className="pd-muted">{t('sla.none')}</span>;
  const left = remaining(deadline, now);
  const text = left.overdue
    ? t('sla.overdue')
    : left.days > 0
      ? t('sla.leftDays', { d: left.days, h: left.hours })
      : t('sla.left', { h: left.hours, m: left.minutes });
  const colour =
    left.overdue || left.ms < 12 * 3_600_000 ? '#cf1322' : left.ms < 24 * 3_600_000 ? '#d46b08' : undefined;
  return (
    <Tooltip title={new Date(deadline).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}>
      <span style={{ color: colour, fontVariantNumeric: 'tabular-nums', fontWeight: colour ? 600 : undefined }}>
        {text}
      </span>
    </Tooltip>
  );
}
