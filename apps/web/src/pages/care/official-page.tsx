/**
 * The brand's official-channel registry (console): hotlines and websites it registers, with their outlets and
 * technicians official through the service network, and what the public asked on the verification page — the
 * impersonating numbers and sites most asked about.
 */
import { Alert, App, Button, Card, Form, Input, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useLoad } from '../../app/use-load';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { call } from '../service/service-api';
import { errorText } from '../service/service-ui';

type Channel = Schemas['OfficialChannel'];
type Summary = Schemas['VerifyQuerySummary'];

const TEXT = {
  title: { zh: '官方渠道登记', en: 'Official channels' },
  intro: {
    zh: '在此登记品牌的官方热线与网站。服务网点（及其电话）和师傅通过服务网络自动成为官方渠道。公众可在核验页查询任何号码、网址、网点或师傅码。',
    en: 'Register the brand’s hotlines and websites here. Outlets (with their phones) and technicians are official through the service network. The public checks any number, website, outlet or technician code on the verification page.',
  },
  openPage: { zh: '打开公众核验页', en: 'Open the public check page' },
  kind: { zh: '类型', en: 'Kind' },
  hotline: { zh: '热线', en: 'Hotline' },
  website: { zh: '网站', en: 'Website' },
  value: { zh: '号码或网址', en: 'Number or website' },
  label: { zh: '名称', en: 'Label' },
  area: { zh: '服务地区代码（热线，选填）', en: 'Area code (hotline, optional)' },
  areaCol: { zh: '服务地区', en: 'Area' },
  nationwide: { zh: '全国', en: 'Nationwide' },
  active: { zh: '启用', en: 'Active' },
  add: { zh: '登记渠道', en: 'Register' },
  added: { zh: '已登记', en: 'Registered' },
  queries: { zh: '近 30 天公众核验', en: 'Public checks, last 30 days' },
  total: { zh: '核验次数', en: 'Checks' },
  official: { zh: '官方', en: 'Official' },
  notOfficial: { zh: '非官方', en: 'Not official' },
  unknown: { zh: '无法识别', en: 'Unreadable' },
  fakeNumbers: { zh: '被查询的非官方服务号码', en: 'Non-official service numbers asked about' },
  fakeSites: { zh: '被查询的非官方网站', en: 'Non-official websites asked about' },
  imitates: { zh: '仿冒', en: 'imitates' },
  count: { zh: '次数', en: 'Count' },
  none: { zh: '暂无', en: 'None yet' },
} as const;

interface NewChannel {
  kind: 'hotline' | 'website';
  value: string;
  label: string;
  areaCode?: string;
}

export default function OfficialPage() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const channels = useLoad(
    () => call<{ items: Channel[]; verifyPath: string }>('GET', '/official-channels'),
    'channels',
  );
  const summary = useLoad(() => call<Summary>('GET', '/official-channels/queries/summary?days=30'), 'summary');
  const [form] = Form.useForm<NewChannel>();
  const [busy, setBusy] = useState(false);
  const isAdmin = user?.roles.includes('admin') ?? false;

  const add = async (values: NewChannel) => {
    setBusy(true);
    try {
      await call('POST', '/official-channels', {
        kind: values.kind,
        value: values.value,
        label: values.label,
        ...(values.areaCode ? { areaCode: values.areaCode } : {}),
      });
      void message.success(pick(TEXT.added));
      form.resetFields(['value', 'label', 'areaCode']);
      channels.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (channel: Channel, active: boolean) => {
    try {
      await call('PATCH', `/official-channels/${channel.id}`, { active, expectedVersion: channel.version });
      channels.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };

  const s = summary.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="official-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {pick(TEXT.title)}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {pick(TEXT.intro)}{' '}
        {channels.data && (
          <a href={channels.data.verifyPath} target="_blank" rel="noreferrer" data-testid="verify-link">
            {pick(TEXT.openPage)}
          </a>
        )}
      </Typography.Paragraph>
      {channels.error !== null && <Alert type="error" showIcon message={errorText(channels.error, pick)} />}
      {isAdmin && (
        <Card size="small">
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'hotline' }}
            onFinish={(v) => void add(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="kind" label={pick(TEXT.kind)}>
              <Select
                style={{ width: 110 }}
                options={[
                  { value: 'hotline', label: pick(TEXT.hotline) },
                  { value: 'website', label: pick(TEXT.website) },
                ]}
              />
            </Form.Item>
            <Form.Item name="value" label={pick(TEXT.value)} rules={[{ required: true }]}>
              <Input placeholder="400-186-5909" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="label" label={pick(TEXT.label)} rules={[{ required: true }]}>
              <Input placeholder="全国服务热线" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="areaCode" label={pick(TEXT.area)}>
              <Input placeholder="510000" style={{ width: 110 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {pick(TEXT.add)}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Table<Channel>
        size="small"
        rowKey="id"
        loading={!channels.data && !channels.error}
        dataSource={channels.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: pick(TEXT.kind),
            dataIndex: 'kind',
            render: (kind: Channel['kind']) => <Tag>{pick(kind === 'hotline' ? TEXT.hotline : TEXT.website)}</Tag>,
          },
          {
            title: pick(TEXT.value),
            dataIndex: 'display',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: pick(TEXT.label), dataIndex: 'label' },
          {
            title: pick(TEXT.areaCol),
            render: (_: unknown, c: Channel) => (c.kind === 'website' ? '—' : (c.areaName ?? pick(TEXT.nationwide))),
          },
          {
            title: pick(TEXT.active),
            render: (_: unknown, c: Channel) => (
              <Switch
                checked={c.active}
                disabled={!isAdmin}
                aria-label={`${pick(TEXT.active)} ${c.display}`}
                onChange={(on) => void toggle(c, on)}
                size="small"
              />
            ),
          },
        ]}
      />
      <Card size="small" title={pick(TEXT.queries)} data-testid="official-summary">
        {s && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space size="large" wrap>
              <Statistic title={pick(TEXT.total)} value={s.total} />
              <Statistic title={pick(TEXT.official)} value={s.byVerdict.official ?? 0} />
              <Statistic title={pick(TEXT.notOfficial)} value={s.byVerdict.not_official ?? 0} />
              <Statistic title={pick(TEXT.unknown)} value={s.byVerdict.unknown ?? 0} />
            </Space>
            <Typography.Text strong>{pick(TEXT.fakeNumbers)}</Typography.Text>
            {s.notOfficialNumbers.length === 0 ? (
              <Typography.Text type="secondary">{pick(TEXT.none)}</Typography.Text>
            ) : (
              <ul style={{ margin: 0 }}>
                {s.notOfficialNumbers.map((n) => (
                  <li key={n.number}>
                    <Typography.Text code>{n.number}</Typography.Text> × {n.count}
                  </li>
                ))}
              </ul>
            )}
            <Typography.Text strong>{pick(TEXT.fakeSites)}</Typography.Text>
            {s.notOfficialSites.length === 0 ? (
              <Typography.Text type="secondary">{pick(TEXT.none)}</Typography.Text>
            ) : (
              <ul style={{ margin: 0 }}>
                {s.notOfficialSites.map((n) => (
                  <li key={n.host}>
                    <Typography.Text code>{n.host}</Typography.Text>
                    {n.lookalikeOf && (
                      <Typography.Text type="danger">
                        {' '}
                        ({pick(TEXT.imitates)} {n.lookalikeOf})
                      </Typography.Text>
                    )}{' '}
                    × {n.count}
                  </li>
                ))}
              </ul>
            )}
          </Space>
        )}
      </Card>
    </Space>
  );
}
