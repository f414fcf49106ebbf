import { FINDING_CATALOGUE } from '@proofdesk/catalogue';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import type { Finding } from '../api/client';
import { useI18n } from '../i18n/i18n';

const SEVERITY_COLOURS = { high: 'red', warn: 'orange', info: 'blue' } as const;

/** A finding's title and explanation in the chosen language, its severity, and what it does and does not mean. */
export function FindingCard({ finding }: { readonly finding: Finding }) {
  const { t, pick } = useI18n();
  const entry = (
    FINDING_CATALOGUE as Readonly<Record<string, (typeof FINDING_CATALOGUE)[keyof typeof FINDING_CATALOGUE]>>
  )[finding.code];
  return (
    <Card
      size="small"
      className={`pd-finding pd-finding-${finding.severity}`}
      role="article"
      aria-label={pick(finding.title)}
      title={
        <Space size={8} wrap style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <Tag color={SEVERITY_COLOURS[finding.severity]} variant="solid">
            {t(`severity.${finding.severity}`)}
          </Tag>
          <span>{pick(finding.title)}</span>
        </Space>
      }
      extra={<span className="pd-muted pd-mono">{t('findings.score', { score: finding.score.toFixed(2) })}</span>}
    >
      <Typography.Paragraph style={{ marginBottom: 0 }}>{pick(finding.detail)}</Typography.Paragraph>
      {entry && (
        <div className="pd-meaning">
          <div>
            <Typography.Text strong>{t('findings.means')}</Typography.Text>
            <div>{pick(entry.means)}</div>
          </div>
          <div>
            <Typography.Text strong>{t('findings.doesNotMean')}</Typography.Text>
            <div>{pick(entry.doesNotMean)}</div>
          </div>
        </div>
      )}
      <div className="pd-mono pd-muted" style={{ marginTop: 8 }}>
        {finding.code}
      </div>
    </Card>
  );
}

/** The findings of one photo as cards, most severe first, or an empty state. */
export function FindingsCard({ findings }: { readonly findings: readonly Finding[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('findings.title')}>
      {findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} />
      ) : (
        <div className="pd-findings">
          {findings.map((f) => (
            <FindingCard key={f.code} finding={f} />
          ))}
        </div>
      )}
    </Card>
  );
}
