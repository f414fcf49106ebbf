/**
 * Trust (issue 7): the thresholds list — buyers whose amount on claims confirmed as fraud reaches a legal threshold,
 * each with its flag, rule texts and sources and, on opening, the full credit — for reviewers and admins; and the
 * trust settings (sharing buyer signals within this installation, the legal thresholds), which admins change.
 */
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { can, useSession } from '../../app/session';
import { useLoad } from '../../app/use-load';
import { CreditBody } from '../../components/credit-panel';
import { useI18n } from '../../i18n/i18n';
import { FLAG_TEXT, yuanText, type FlaggedBuyer, type LegalThresholds } from './trust-api';

type Tier = 'any' | 'criminal' | 'large' | 'huge';

function BuyerCreditRow({ buyerId }: { readonly buyerId: string }) {
  const { pick } = useI18n();
  const { data, error } = useLoad(
    async () => unwrap(await api.GET('/api/v1/buyers/{id}/credit', { params: { path: { id: buyerId } } })),
    buyerId,
  );
  if (error) return <Alert type="error" showIcon title={pick({ zh: '无法读取', en: 'Could not load' })} />;
  if (!data) return <Card loading />;
  return <CreditBody credit={data} />;
}

function FlaggedTab() {
  const { pick } = useI18n();
  const [tier, setTier] = useState<Tier>('any');
  const settings = useLoad(async () => unwrap(await api.GET('/api/v1/trust/settings')), 'settings');
  const t = settings.data?.thresholds;
  const minFen =
    t === undefined
      ? undefined
      : tier === 'criminal'
        ? t.criminalMinFen
        : tier === 'large'
          ? t.largeMinFen
          : tier === 'huge'
            ? t.hugeMinFen
            : t.administrativeMinFen;
  const list = useLoad(
    async () =>
      minFen === undefined
        ? undefined
        : unwrap(await api.GET('/api/v1/trust/flagged-buyers', { params: { query: { minFen, limit: 200 } } })),
    `${tier}:${minFen ?? ''}`,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={pick({
          zh: '按“确认造假”（以证据伪造、AI 生成或证据复用驳回）的申请累计金额列出买家。提示仅供参考，不构成对任何人的指控；是否立案由公安机关决定，请咨询律师。',
          en: 'Buyers by their total on claims confirmed as fraud (rejected as evidence forged, AI-generated or reused). A pointer, never an accusation: whether a case is opened is for the police. Consult counsel.',
        })}
      />
      <Space>
        <span>{pick({ zh: '至少达到', en: 'At or over' })}</span>
        <Select<Tier>
          aria-label={pick({ zh: '门槛', en: 'Threshold' })}
          value={tier}
          onChange={setTier}
          style={{ width: 320 }}
          options={[
            {
              value: 'any',
              label: pick({ zh: '任何金额（治安管理处罚范围起）', en: 'Any amount (administrative range)' }),
            },
            {
              value: 'criminal',
              label: `${pick(FLAG_TEXT.criminal_large)} ${t ? yuanText(t.criminalMinFen) : ''}`,
            },
            { value: 'large', label: `${pick(FLAG_TEXT.criminal_huge)} ${t ? yuanText(t.largeMinFen) : ''}` },
            {
              value: 'huge',
              label: `${pick(FLAG_TEXT.criminal_especially_huge)} ${t ? yuanText(t.hugeMinFen) : ''}`,
            },
          ]}
        />
      </Space>
      <Table<FlaggedBuyer>
        rowKey="buyerId"
        size="small"
        loading={list.loading}
        dataSource={list.data ? [...list.data.items] : []}
        scroll={{ x: 640 }}
        expandable={{ expandedRowRender: (row) => <BuyerCreditRow buyerId={row.buyerId} /> }}
        locale={{ emptyText: pick({ zh: '没有达到此门槛的买家', en: 'No buyer at or over this threshold' }) }}
        columns={[
          {
            title: pick({ zh: '买家', en: 'Buyer' }),
            dataIndex: 'buyerId',
            render: (id: string) => <Typography.Text code>{id.slice(-8)}</Typography.Text>,
          },
          {
            title: pick({ zh: '确认造假金额', en: 'Confirmed-fraud amount' }),
            dataIndex: 'fraudAmountFen',
            render: (fen: number) => <strong>{yuanText(fen)}</strong>,
          },
          {
            title: pick({ zh: '提示', en: 'Flag' }),
            render: (_: unknown, row) =>
              row.flags.map((f) => (
                <Tag key={f.code} color={f.code === 'administrative' ? 'blue' : 'orange'}>
                  {pick(FLAG_TEXT[f.code])}
                </Tag>
              )),
          },
          { title: pick({ zh: '确认造假申请', en: 'Fraud claims' }), dataIndex: 'rejectedFraud' },
          { title: pick({ zh: '造假照片', en: 'Fake photos' }), dataIndex: 'fakePhotos' },
          { title: pick({ zh: '申请总数', en: 'All claims' }), dataIndex: 'claimsFiled' },
        ]}
      />
    </Space>
  );
}

interface SettingsForm {
  readonly shareSignals: boolean;
  readonly administrativeMinYuan: number;
  readonly criminalMinYuan: number;
  readonly largeMinYuan: number;
  readonly hugeMinYuan: number;
}

function SettingsTab({ editable }: { readonly editable: boolean }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { data, reload } = useLoad(async () => unwrap(await api.GET('/api/v1/trust/settings')), 'settings');
  if (!data) return <Card loading />;
  const toFen = (y: number) => Math.round(y * 100);
  const initial: SettingsForm = {
    shareSignals: data.shareSignals,
    administrativeMinYuan: data.thresholds.administrativeMinFen / 100,
    criminalMinYuan: data.thresholds.criminalMinFen / 100,
    largeMinYuan: data.thresholds.largeMinFen / 100,
    hugeMinYuan: data.thresholds.hugeMinFen / 100,
  };
  const save = async (v: SettingsForm) => {
    setBusy(true);
    try {
      const thresholds: LegalThresholds = {
        administrativeMinFen: toFen(v.administrativeMinYuan),
        criminalMinFen: toFen(v.criminalMinYuan),
        largeMinFen: toFen(v.largeMinYuan),
        hugeMinFen: toFen(v.hugeMinYuan),
      };
      unwrap(await api.PUT('/api/v1/trust/settings', { body: { shareSignals: v.shareSignals, thresholds } }));
      void message.success(pick({ zh: '已保存', en: 'Saved' }));
      reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? pick(e.text) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const money = (name: keyof SettingsForm, label: { zh: string; en: string }, help: { zh: string; en: string }) => (
    <Form.Item name={name} label={pick(label)} extra={pick(help)} rules={[{ required: true }]}>
      <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 220 }} disabled={!editable} />
    </Form.Item>
  );
  return (
    <Form<SettingsForm>
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 680 }}
      key={data.updatedAt ?? 'defaults'}
    >
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={pick({ zh: '只有管理员可以修改这些设置', en: 'Only admins can change these settings' })}
        />
      )}
      <Form.Item
        name="shareSignals"
        valuePropName="checked"
        label={pick({
          zh: '与本系统内其他店铺共享买家信号',
          en: 'Share buyer signals with other shops of this installation',
        })}
        extra={pick({
          zh: '只共享信用分和次数，不共享联系方式、照片、申请编号或店铺名称；只有同样开启共享的店铺之间互相可见（互惠）。开启与关闭都会记入审计日志。',
          en: 'Only scores and counts are shared — never contact data, photos, claim ids or shop names — and only between shops that both share (reciprocal). Opting in and out is audited.',
        })}
      >
        <Switch disabled={!editable} />
      </Form.Item>
      <Typography.Title level={5}>{pick({ zh: '法律提示门槛', en: 'Legal thresholds' })}</Typography.Title>
      {money(
        'administrativeMinYuan',
        { zh: '治安管理处罚范围起点', en: 'Administrative range starts at' },
        {
          zh: '《治安管理处罚法》诈骗条款：低于刑事门槛的金额',
          en: 'Public Security Administration Punishment Law, fraud article: amounts below the criminal threshold',
        },
      )}
      {money(
        'criminalMinYuan',
        { zh: '“数额较大”（刑事门槛）', en: '“Relatively large” (criminal threshold)' },
        {
          zh: '《刑法》第二百六十六条；法释〔2011〕7号第一条：3,000–10,000 元，由各省确定具体标准，默认 ¥3,000',
          en: 'Criminal Law art. 266; Fa Shi [2011] No. 7 art. 1: ¥3,000–10,000, each province sets the figure; default ¥3,000',
        },
      )}
      {money(
        'largeMinYuan',
        { zh: '“数额巨大”', en: '“Huge”' },
        { zh: '30,000–100,000 元，默认 ¥30,000', en: '¥30,000–100,000; default ¥30,000' },
      )}
      {money('hugeMinYuan', { zh: '“数额特别巨大”', en: '“Especially huge”' }, { zh: '500,000 元', en: '¥500,000' })}
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {pick({ zh: '保存', en: 'Save' })}
        </Button>
      )}
    </Form>
  );
}

export default function TrustPage() {
  const { pick } = useI18n();
  const { user } = useSession();
  return (
    <>
      <Typography.Title level={3}>
        {pick({ zh: '买家信用与法律门槛', en: 'Buyer credit and legal thresholds' })}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'flagged',
            label: pick({ zh: '达到门槛的买家', en: 'Buyers over a threshold' }),
            children: <FlaggedTab />,
          },
          {
            key: 'settings',
            label: pick({ zh: '共享与门槛设置', en: 'Sharing and thresholds' }),
            children: <SettingsTab editable={can(user, 'admin')} />,
          },
        ]}
      />
    </>
  );
}
