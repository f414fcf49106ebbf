/**
 * Coverage import: paste place names the way brands write them (one a line), preview what the resolver makes of each
 * (resolved with the official full name, ambiguous with candidates to pick, unresolved with the reason), then save
 * the resolved ones and the picked candidates as the outlet's coverage rules.
 */
import { App, Alert, Button, Empty, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, type CoverageImport, type CoverageImportRow, type OutletCoverage } from '../service/service-api';
import { errorText } from '../service/service-ui';
import { loadOutlets } from './outlets-panel';

const STATUS_COLOURS = { resolved: 'green', ambiguous: 'orange', unresolved: 'red' } as const;

export function CoverageImportPanel({ admin }: { readonly admin: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const outlets = useLoad(loadOutlets, 'outlets');
  const [outletId, setOutletId] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'include' | 'exclude'>('include');
  const [report, setReport] = useState<CoverageImport | null>(null);
  const [picks, setPicks] = useState<Record<number, string>>({});
  const [coverage, setCoverage] = useState<OutletCoverage | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (!outletId && outlets.data?.[0]) setOutletId(outlets.data[0].id);
  }, [outlets.data, outletId]);

  useEffect(() => {
    if (!outletId) return;
    let live = true;
    void call<OutletCoverage>('GET', `/outlets/${outletId}/coverage`).then(
      (c) => live && setCoverage(c),
      () => live && setCoverage(null),
    );
    return () => {
      live = false;
    };
  }, [outletId, report?.applied]);

  const run = async (apply: boolean) => {
    if (!outletId) return;
    setBusy(apply ? 'apply' : 'preview');
    try {
      const r = await call<CoverageImport>('POST', `/outlets/${outletId}/coverage/import`, { text, apply, mode });
      if (apply) {
        // Picked candidates of ambiguous lines join the stored rules.
        const picked = Object.values(picks);
        let total = r.counts.added;
        if (picked.length > 0) {
          const current = await call<OutletCoverage>('GET', `/outlets/${outletId}/coverage`);
          const known = new Set(current.rules.map((x) => x.code));
          const extra = picked.filter((code) => !known.has(code)).map((code) => ({ code, mode }));
          if (extra.length > 0) {
            await call('PUT', `/outlets/${outletId}/coverage`, {
              rules: [...current.rules.map((x) => ({ code: x.code, mode: x.mode })), ...extra],
              expectedVersion: current.version,
            });
            total += extra.length;
          }
        }
        void message.success(t('net.import.applied', { count: total }));
        setPicks({});
      }
      setReport(r);
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  const counts = report?.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text strong>{t('net.import.outlet')}</Typography.Text>
        <Select
          aria-label={t('net.import.outlet')}
          style={{ minWidth: 260 }}
          value={outletId}
          onChange={(v) => {
            setOutletId(v);
            setReport(null);
          }}
          options={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Radio.Group
          aria-label={t('net.import.mode')}
          optionType="button"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'include' | 'exclude')}
          options={[
            { value: 'include', label: t('net.mode.include') },
            { value: 'exclude', label: t('net.mode.exclude') },
          ]}
        />
        {coverage && <Tag>{t('net.coverageCount', { count: coverage.rules.length })}</Tag>}
      </Space>
      <Input.TextArea
        aria-label={t('net.import.text')}
        placeholder={t('net.import.text')}
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Space wrap>
        <Button onClick={() => void run(false)} loading={busy === 'preview'} disabled={!text.trim() || !outletId}>
          {t('net.import.preview')}
        </Button>
        {admin && report && !report.applied && (
          <Button
            type="primary"
            onClick={() => void run(true)}
            loading={busy === 'apply'}
            disabled={(counts?.resolved ?? 0) + Object.keys(picks).length === 0}
          >
            {t('net.import.apply', { count: (counts?.resolved ?? 0) + Object.keys(picks).length })}
          </Button>
        )}
      </Space>
      {counts && (
        <Space wrap data-testid="import-counts">
          <Tag color="green">{t('net.import.resolved', { count: counts.resolved })}</Tag>
          <Tag color="orange">{t('net.import.ambiguous', { count: counts.ambiguous })}</Tag>
          <Tag color="red">{t('net.import.unresolved', { count: counts.unresolved })}</Tag>
        </Space>
      )}
      {report?.applied && (
        <Alert type="success" showIcon message={t('net.import.applied', { count: counts?.added ?? 0 })} />
      )}
      {report ? (
        <Table<CoverageImportRow>
          className="net-import-rows"
          rowKey="line"
          size="small"
          dataSource={[...report.rows].sort((a, b) => order(a.status) - order(b.status) || a.line - b.line)}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '#', dataIndex: 'line', width: 56 },
            { title: t('net.import.input'), dataIndex: 'input' },
            {
              title: t('net.import.result'),
              key: 'result',
              render: (_: unknown, row) => (
                <Space wrap>
                  <Tag color={STATUS_COLOURS[row.status]}>
                    {t(`net.import.${row.status}`, { count: '' }).replace(/\s+$/, '')}
                  </Tag>
                  {row.status === 'resolved' && row.division && (
                    <span>
                      {row.division.fullName} <Typography.Text type="secondary">{row.division.code}</Typography.Text>
                    </span>
                  )}
                  {row.status === 'ambiguous' && (
                    <Select
                      aria-label={`${t('net.import.pick')} ${row.input}`}
                      placeholder={t('net.import.pick')}
                      style={{ minWidth: 280 }}
                      value={picks[row.line]}
                      onChange={(code: string) => setPicks({ ...picks, [row.line]: code })}
                      options={(row.candidates ?? []).map((c) => ({ value: c.code, label: `${c.fullName} ${c.code}` }))}
                    />
                  )}
                  {row.status === 'unresolved' && row.reason && (
                    <Typography.Text type="danger">{pick(row.reason)}</Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('net.import.text')} />
      )}
    </Space>
  );
}

function order(status: CoverageImportRow['status']): number {
  return status === 'ambiguous' ? 0 : status === 'unresolved' ? 1 : 2;
}
