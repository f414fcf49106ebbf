import { Card, Grid, Input, List, Select, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Claim, ClaimStatus } from '../api/client';
import { RiskBadge, SlaCountdown, StatusTag } from '../app/badges';
import { listClaims } from '../app/claims-data';
import { dateTime, shortId, yuan } from '../app/format';
import { useLoad, useNow } from '../app/use-load';
import { useI18n } from '../i18n/i18n';

const STATUSES: readonly ClaimStatus[] = [
  'awaiting_merchant',
  'analysing',
  'in_review',
  'appealed',
  'approved',
  'partially_approved',
  'rejected',
  'final',
  'withdrawn',
];

/** The merchant agent's claims: risk badges, response-window countdowns, filters and search (server-side). */
export default function InboxPage() {
  const { t, lang, pick } = useI18n();
  const navigate = useNavigate();
  const now = useNow(15_000);
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ClaimStatus | null) ?? undefined;
  const flagged = params.get('flagged') === 'true' ? true : undefined;
  const q = params.get('q') ?? undefined;
  const [search, setSearch] = useState(q ?? '');
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { data, loading } = useLoad(
    () => listClaims({ ...(status ? { status } : {}), ...(flagged ? { flagged } : {}), ...(q ? { q } : {}) }),
    JSON.stringify([status, flagged, q]),
  );
  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // Claims waiting on us come first, the nearest deadline at the top.
  const rows = [...(data ?? [])].sort((a, b) => {
    const rank = (c: Claim) => (c.status === 'awaiting_merchant' ? 0 : 1);
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (rank(a) === 0) return Date.parse(a.merchantDeadlineAt ?? '') - Date.parse(b.merchantDeadlineAt ?? '');
    return Date.parse(b.createdAt) - Date.parse(a.createdAt);
  });

  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('inbox.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('inbox.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Space wrap size={12} style={{ padding: 16, width: '100%' }}>
          <Input.Search
            aria-label={t('inbox.search')}
            placeholder={t('inbox.search')}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => update('q', value.trim() || undefined)}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Select<ClaimStatus | ''>
            aria-label={t('inbox.filter.status')}
            value={status ?? ''}
            style={{ width: 180 }}
            onChange={(value) => update('status', value || undefined)}
            options={[
              { value: '', label: t('inbox.filter.allStatuses') },
              ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch
              size="small"
              checked={flagged === true}
              onChange={(on) => update('flagged', on ? 'true' : undefined)}
            />
            {t('inbox.filter.flagged')}
          </label>
          <Typography.Text className="pd-muted">{t('inbox.count', { count: rows.length })}</Typography.Text>
        </Space>
        {phone ? (
          <List<Claim>
            aria-label={t('inbox.title')}
            loading={loading}
            dataSource={rows}
            locale={{ emptyText: t('inbox.empty') }}
            renderItem={(c) => (
              <List.Item
                onClick={() => void navigate(`/claims/${c.id}`)}
                style={{ cursor: 'pointer', paddingInline: 16, display: 'block' }}
              >
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <a
                    href={`/claims/${c.id}`}
                    className="pd-mono"
                    aria-label={`${t('common.open')} ${shortId(c.id)}`}
                    onClick={(e) => e.preventDefault()}
                  >
                    {shortId(c.id)}
                  </a>
                  <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>¥{yuan(c.amountFen)}</span>
                </Space>
                <div style={{ margin: '4px 0 6px' }}>{c.reason}</div>
                <Space size={[6, 6]} wrap>
                  <RiskBadge score={c.riskScore} />
                  <StatusTag status={c.status} />
                  {c.status === 'awaiting_merchant' && <SlaCountdown deadline={c.merchantDeadlineAt} now={now} />}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table<Claim>
            aria-label={t('inbox.title')}
            rowKey="id"
            loading={loading}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            tableLayout="fixed"
            locale={{ emptyText: t('inbox.empty') }}
            onRow={(claim) => ({ onClick: () => void navigate(`/claims/${claim.id}`), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('queue.col.claim'),
                key: 'claim',
                width: 280,
                render: (_, c) => (
                  <Space direction="vertical" size={0}>
                    <a
                      href={`/claims/${c.id}`}
                      className="pd-mono"
                      aria-label={`${t('common.open')} ${shortId(c.id)}`}
                      onClick={(e) => e.preventDefault()}
                    >
                      {shortId(c.id)}
                    </a>
                    <Typography.Text ellipsis style={{ maxWidth: 280 }}>
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
                width: 130,
                render: (_, c) => <StatusTag status={c.status} />,
              },
              {
                title: t('inbox.col.sla'),
                key: 'sla',
                width: 140,
                render: (_, c) =>
                  c.status === 'awaiting_merchant' ? (
                    <SlaCountdown deadline={c.merchantDeadlineAt} now={now} />
                  ) : (
                    <span className="pd-muted">{t('sla.none')}</span>
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
                title: t('inbox.col.created'),
                key: 'created',
                width: 150,
                render: (_, c) => <span className="pd-muted">{dateTime(c.createdAt, lang)}</span>,
              },
              {
                title: t('queue.col.reasons'),
                key: 'reasons',
                ellipsis: { showTitle: false },
                render: (_, c) => (
                  <Tooltip title={c.policyReasons.map((r) => pick(r.text)).join('；')} placement="topLeft">
                    <span className="pd-muted">{c.policyReasons.map((r) => pick(r.text)).join(' · ') || '—'}</span>
                  </Tooltip>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
