import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Claim } from '../api/client';
import { RiskBadge, SlaCountdown, StatusTag } from '../app/badges';
import { byRiskThenDeadline, DECIDABLE, listClaims } from '../app/claims-data';
import { dateTime, shortId, yuan } from '../app/format';
import { useLoad, useNow } from '../app/use-load';
import { useI18n } from '../i18n/i18n';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Claims waiting for a reviewer, riskiest and most urgent first; j/k move, Enter opens. */
export default function ReviewQueuePage() {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const now = useNow();
  const { data, error, loading } = useLoad(() => listClaims(), 'all');
  const queue = useMemo(
    () => (data ?? []).filter((c) => DECIDABLE.includes(c.status)).sort(byRiskThenDeadline),
    [data],
  );
  const waiting = (data ?? []).filter((c) => c.status === 'awaiting_merchant').length;
  const [active, setActive] = useState(0);

  const open = useCallback((claim: Claim | undefined) => claim && void navigate(`/review/${claim.id}`), [navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'j') setActive((i) => Math.min(i + 1, Math.max(queue.length - 1, 0)));
      else if (event.key === 'k') setActive((i) => Math.max(i - 1, 0));
      else if (event.key === 'Enter') open(queue[active]);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [queue, active, open]);

  useEffect(() => {
    document.querySelector('.pd-row-active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('queue.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('queue.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Tag>{t('queue.waitingMerchant', { count: waiting })}</Tag>
          <Typography.Text className="pd-muted" aria-label={t('queue.shortcuts')}>
            <span className="pd-kbd">J</span> <span className="pd-kbd">K</span> <span className="pd-kbd">Enter</span>{' '}
            {t('queue.shortcutsLabel')}
          </Typography.Text>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon title={t('common.error')} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Claim>
          aria-label={t('queue.title')}
          rowKey="id"
          loading={loading}
          dataSource={queue}
          pagination={false}
          scroll={{ x: 880 }}
          locale={{ emptyText: t('queue.empty') }}
          rowClassName={(_, index) => (index === active ? 'pd-row-active' : '')}
          onRow={(claim, index) => ({
            onClick: () => {
              setActive(index ?? 0);
              open(claim);
            },
            style: { cursor: 'pointer' },
            'aria-selected': index === active,
          })}
          columns={[
            {
              title: t('queue.col.claim'),
              key: 'claim',
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <a href={`/review/${c.id}`} onClick={(e) => e.preventDefault()} className="pd-mono">
                    {shortId(c.id)}
                  </a>
                  <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                    {c.reason}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('queue.col.risk'),
              key: 'risk',
              width: 130,
              render: (_, c) => <RiskBadge score={c.riskScore} />,
            },
            {
              title: t('queue.col.status'),
              key: 'status',
              width: 140,
              render: (_, c) => (
                <Space direction="vertical" size={2}>
                  <StatusTag status={c.status} />
                  <span className="pd-muted" style={{ fontSize: 12 }}>
                    {t(`type.${c.type}`)}
                  </span>
                </Space>
              ),
            },
            {
              title: t('queue.col.amount'),
              key: 'amount',
              width: 120,
              align: 'right',
              render: (_, c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>¥{yuan(c.amountFen)}</span>,
            },
            {
              title: t('queue.col.deadline'),
              key: 'deadline',
              width: 170,
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <SlaCountdown deadline={c.merchantDeadlineAt} now={now} />
                  <span className="pd-muted" style={{ fontSize: 12 }}>
                    {dateTime(c.createdAt, lang)}
                  </span>
                </Space>
              ),
            },
            {
              title: t('queue.col.reasons'),
              key: 'reasons',
              render: (_, c) => (
                <Space size={[4, 4]} wrap>
                  {c.policyReasons.map((r) => (
                    <Tag key={r.code} bordered={false}>
                      {pick(r.text)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
