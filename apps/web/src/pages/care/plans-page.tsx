/**
 * Care plans: the plans a brand sells (admins create and withdraw them), a serial lookup showing the standard
 * warranty and the plans sold on it (agents register serials, sell, activate and cancel plans), and the report of
 * plans sold, claims paid and the loss ratio per plan over a period (admins).
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, FAULTS, query, shanghaiDate } from '../service/service-api';
import { errorText } from '../service/service-ui';
import {
  KIND_TEXT,
  money,
  SALE_STATUS_TEXT,
  W,
  type CarePlan,
  type PlanKind,
  type PlanReport,
  type ReportFigures,
  type SerialPlan,
  type SerialRecord,
} from './plan-api';

const yuanToFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);

interface PlanForm {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: PlanKind;
  priceYuan: number;
  termMonths: number;
  waitingDays: number;
  covers: ('labour' | 'parts' | 'callOut' | 'accidentalDamage')[];
  faultCategories: string[];
  maxClaims?: number | null;
  maxAmountYuan?: number | null;
}

function NewPlanDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { pick, t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await call('POST', '/care/plans', {
        code: v.code.trim(),
        name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
        terms: {
          kind: v.kind,
          priceFen: yuanToFen(v.priceYuan) ?? 0,
          termMonths: v.termMonths,
          waitingDays: v.waitingDays,
          coverage: {
            faultCategories: v.faultCategories ?? [],
            labour: v.covers.includes('labour'),
            parts: v.covers.includes('parts'),
            callOut: v.covers.includes('callOut'),
            accidentalDamage: v.covers.includes('accidentalDamage'),
          },
          maxClaims: v.maxClaims ?? null,
          maxAmountFen: yuanToFen(v.maxAmountYuan),
          productLines: [],
        },
      });
      void message.success(pick(W.created));
      form.resetFields();
      onCreated();
      onClose();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={pick(W.newPlan)} width={520} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'after_sales_insurance',
          termMonths: 12,
          waitingDays: 0,
          covers: ['labour', 'parts', 'callOut'],
          faultCategories: [],
        }}
      >
        <Form.Item name="code" label={pick(W.code)} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input placeholder="INS-1Y" />
        </Form.Item>
        <Form.Item name="nameZh" label={pick(W.nameZh)} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={pick(W.nameEn)} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={pick(W.kind)} rules={[{ required: true }]}>
          <Select options={Object.entries(KIND_TEXT).map(([value, text]) => ({ value, label: pick(text) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="priceYuan" label={pick(W.price)} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Form.Item name="termMonths" label={pick(W.term)} rules={[{ required: true }]}>
            <InputNumber min={1} max={120} precision={0} />
          </Form.Item>
          <Form.Item name="waitingDays" label={pick(W.waiting)} rules={[{ required: true }]}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="covers" label={pick(W.covers)} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            options={[
              { value: 'labour', label: pick(W.labour) },
              { value: 'parts', label: pick(W.parts) },
              { value: 'callOut', label: pick(W.callOut) },
              { value: 'accidentalDamage', label: pick(W.accidental) },
            ]}
          />
        </Form.Item>
        <Form.Item name="faultCategories" label={pick(W.faults)}>
          <Select mode="multiple" options={FAULTS.map((f) => ({ value: f, label: t(`svc.fault.${f}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="maxClaims" label={pick(W.maxClaims)}>
            <InputNumber min={1} max={1000} precision={0} placeholder={pick(W.unlimited)} />
          </Form.Item>
          <Form.Item name="maxAmountYuan" label={pick(W.maxAmount)}>
            <InputNumber min={0.01} precision={2} placeholder={pick(W.unlimited)} />
          </Form.Item>
        </Space>
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {pick(W.create)}
        </Button>
      </Form>
    </Drawer>
  );
}

function coversText(plan: CarePlan, pick: (t: { zh: string; en: string }) => string): string {
  const c = plan.terms.coverage;
  return [
    c.labour && pick(W.labour),
    c.parts && pick(W.parts),
    c.callOut && pick(W.callOut),
    c.accidentalDamage && pick(W.accidental),
  ]
    .filter(Boolean)
    .join(' · ');
}

function PlansTab({ isAdmin }: { readonly isAdmin: boolean }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const plans = useLoad(() => call<{ items: CarePlan[] }>('GET', '/care/plans?includeInactive=true'), 'plans');
  const toggle = async (plan: CarePlan) => {
    try {
      await call('PATCH', `/care/plans/${plan.id}`, { active: !plan.active, expectedVersion: plan.version });
      plans.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  return (
    <Card
      size="small"
      extra={
        isAdmin && (
          <Button icon={<PlusOutlined />} type="primary" onClick={() => setCreating(true)}>
            {pick(W.newPlan)}
          </Button>
        )
      }
    >
      <Table<CarePlan>
        size="small"
        rowKey="id"
        loading={plans.loading}
        dataSource={plans.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: pick(W.code), dataIndex: 'code' },
          { title: pick(W.plans), render: (_, p) => pick(p.name) },
          { title: pick(W.kind), render: (_, p) => <Tag>{pick(KIND_TEXT[p.terms.kind])}</Tag> },
          { title: pick(W.price), align: 'right', render: (_, p) => money(p.terms.priceFen) },
          { title: pick(W.term), align: 'right', render: (_, p) => p.terms.termMonths },
          { title: pick(W.waiting), align: 'right', render: (_, p) => p.terms.waitingDays },
          { title: pick(W.covers), render: (_, p) => coversText(p, pick) },
          {
            title: `${pick(W.maxClaims)} / ${pick(W.maxAmount)}`,
            render: (_, p) =>
              `${p.terms.maxClaims ?? pick(W.unlimited)} / ${
                p.terms.maxAmountFen === null ? pick(W.unlimited) : money(p.terms.maxAmountFen)
              }`,
          },
          {
            title: pick(W.status),
            render: (_, p) => (
              <Space>
                <Tag color={p.active ? 'green' : 'default'}>{pick(p.active ? W.active : W.withdrawn)}</Tag>
                {isAdmin && (
                  <Button size="small" onClick={() => void toggle(p)}>
                    {pick(p.active ? W.withdraw : W.resume)}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewPlanDrawer open={creating} onClose={() => setCreating(false)} onCreated={plans.reload} />
    </Card>
  );
}

function SerialTab({ canSell }: { readonly canSell: boolean }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [serial, setSerial] = useState('');
  const [record, setRecord] = useState<SerialRecord | null>(null);
  const [missing, setMissing] = useState(false);
  const [planId, setPlanId] = useState<string>();
  const [reason, setReason] = useState('');
  const [registerForm] = Form.useForm<{
    productLine: string;
    model?: string;
    purchasedOn?: string;
    warrantyMonths?: number;
  }>();
  const plans = useLoad(() => call<{ items: CarePlan[] }>('GET', '/care/plans'), 'sellable');
  const lookup = async (value = serial) => {
    const s = value.trim();
    if (!s) return;
    try {
      setRecord(await call<SerialRecord>('GET', `/care/serials/${encodeURIComponent(s)}`));
      setMissing(false);
    } catch (e) {
      setRecord(null);
      setMissing(true);
      if ((e as { status?: number }).status !== 404) void message.error(errorText(e, pick));
    }
  };
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      await lookup();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const register = async () => {
    const v = await registerForm.validateFields();
    await act(() =>
      call('PUT', `/care/serials/${encodeURIComponent(serial.trim())}`, {
        productLine: v.productLine,
        model: v.model || null,
        purchasedOn: v.purchasedOn || null,
        warrantyMonths: v.warrantyMonths ?? null,
      }),
    );
  };
  const sell = (activate: boolean) =>
    planId && act(() => call('POST', `/care/serials/${encodeURIComponent(serial.trim())}/plans`, { planId, activate }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        aria-label={pick(W.serial)}
        placeholder={pick(W.serial)}
        enterButton={pick(W.lookup)}
        value={serial}
        onChange={(e) => setSerial(e.target.value)}
        onSearch={(v) => void lookup(v)}
        style={{ maxWidth: 420 }}
      />
      {missing && <Alert type="warning" showIcon message={pick(W.notRegistered)} />}
      {record && (
        <Card size="small" title={`${pick(W.serial)} ${record.serial}`} data-testid="serial-record">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={pick(W.productLine)}>{record.productLine}</Descriptions.Item>
            <Descriptions.Item label={pick(W.model)}>{record.model ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={pick(W.purchasedOn)}>{record.purchasedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={pick(W.warranty)}>
              <Tag
                color={
                  record.warranty.status === 'in_warranty'
                    ? 'green'
                    : record.warranty.status === 'expired'
                      ? 'red'
                      : 'default'
                }
              >
                {pick(record.warranty.label)}
              </Tag>
              {record.warranty.coveredThrough && `${pick(W.through)} ${record.warranty.coveredThrough}`}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{pick(W.plansOnSerial)}</Typography.Title>
          <Table<SerialPlan>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: true }}
            dataSource={record.plans}
            columns={[
              { title: pick(W.plans), render: (_, p) => pick(p.name) },
              { title: pick(W.price), align: 'right', render: (_, p) => money(p.priceFen) },
              {
                title: pick(W.status),
                render: (_, p) => (
                  <Tag color={p.status === 'active' ? 'green' : p.status === 'sold' ? 'gold' : 'default'}>
                    {pick(SALE_STATUS_TEXT[p.status])}
                  </Tag>
                ),
              },
              {
                title: pick(W.termDates),
                render: (_, p) => (p.startsOn ? `${p.startsOn} – ${p.endsOn}` : '—'),
              },
              { title: pick(W.claimable), render: (_, p) => p.claimableFrom ?? '—' },
              {
                title: pick(W.claimsUsed),
                render: (_, p) =>
                  `${p.claimsCount}${p.terms.maxClaims ? `/${p.terms.maxClaims}` : ''} · ${money(p.claimsFen)}`,
              },
              {
                title: '',
                render: (_, p) =>
                  canSell && (
                    <Space>
                      {p.status === 'sold' && (
                        <Button
                          size="small"
                          onClick={() => void act(() => call('POST', `/care/serial-plans/${p.id}/activate`))}
                        >
                          {pick(W.activate)}
                        </Button>
                      )}
                      {p.status !== 'cancelled' && (
                        <Popconfirm
                          title={pick(W.cancelReason)}
                          description={<Input value={reason} onChange={(e) => setReason(e.target.value)} />}
                          onConfirm={() =>
                            void act(() => call('POST', `/care/serial-plans/${p.id}/cancel`, { reason }))
                          }
                        >
                          <Button size="small" danger>
                            {pick(W.cancel)}
                          </Button>
                        </Popconfirm>
                      )}
                      {p.status === 'cancelled' && `${pick(W.refund)} ${money(p.refundFen)}`}
                    </Space>
                  ),
              },
            ]}
          />
          {canSell && (
            <Space wrap style={{ marginTop: 12 }}>
              <Select
                aria-label={pick(W.sell)}
                placeholder={pick(W.sell)}
                style={{ minWidth: 260 }}
                value={planId}
                onChange={setPlanId}
                onOpenChange={(open) => open && plans.reload()}
                options={(plans.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${pick(p.name)} · ${money(p.terms.priceFen)}`,
                }))}
              />
              <Button disabled={!planId} onClick={() => void sell(false)}>
                {pick(W.sell)}
              </Button>
              <Button type="primary" disabled={!planId} onClick={() => void sell(true)}>
                {pick(W.sellAndActivate)}
              </Button>
            </Space>
          )}
        </Card>
      )}
      {canSell && serial.trim() && (missing || record) && (
        <Card size="small" title={pick(W.register)}>
          <Form
            form={registerForm}
            layout="inline"
            initialValues={record ? { ...record, model: record.model ?? undefined } : { warrantyMonths: 12 }}
            key={record?.serial ?? 'new'}
          >
            <Form.Item name="productLine" label={pick(W.productLine)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="model" label={pick(W.model)}>
              <Input />
            </Form.Item>
            <Form.Item
              name="purchasedOn"
              label={pick(W.purchasedOn)}
              rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
            >
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="warrantyMonths" label={pick(W.warrantyMonths)}>
              <InputNumber min={0} max={240} precision={0} />
            </Form.Item>
            <Button onClick={() => void register()}>{pick(W.register)}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}

function ReportTab() {
  const { pick } = useI18n();
  const today = shanghaiDate();
  const [range, setRange] = useState<{ from: string; to: string }>({ from: `${today.slice(0, 8)}01`, to: today });
  const report = useLoad(
    () => call<PlanReport>('GET', `/care/plan-reports${query(range)}`),
    `${range.from}:${range.to}`,
  );
  const figures = (r: ReportFigures) => r;
  const ratio = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  const rows = [
    ...(report.data?.plans ?? []).map((p) => ({ key: p.planId, label: `${p.code} ${pick(p.name)}`, ...figures(p) })),
    ...(report.data ? [{ key: 'total', label: pick(W.total), ...report.data.totals }] : []),
  ];
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          onChange={(dates) => {
            const [a, b] = dates ?? [];
            if (a && b) setRange({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
          }}
        />
        <Typography.Text type="secondary">
          {range.from} – {range.to}
        </Typography.Text>
      </Space>
      <Table
        size="small"
        pagination={false}
        loading={report.loading}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: pick(W.plans), dataIndex: 'label' },
          { title: pick(W.sold), dataIndex: 'sold', align: 'right' },
          { title: pick(W.cancelled), dataIndex: 'cancelled', align: 'right' },
          { title: pick(W.revenue), align: 'right', render: (_, r) => money(r.revenueFen) },
          { title: pick(W.refunds), align: 'right', render: (_, r) => money(r.refundsFen) },
          { title: pick(W.netRevenue), align: 'right', render: (_, r) => money(r.netRevenueFen) },
          { title: pick(W.claims), dataIndex: 'claims', align: 'right' },
          { title: pick(W.claimsFen), align: 'right', render: (_, r) => money(r.claimsFen) },
          { title: pick(W.lossRatio), align: 'right', render: (_, r) => ratio(r.lossRatio) },
        ]}
      />
    </Card>
  );
}

export default function PlansPage() {
  const { pick } = useI18n();
  const { user } = useSession();
  const roles: readonly string[] = user?.roles ?? [];
  const isAdmin = roles.includes('admin');
  const canSell = isAdmin || roles.includes('agent') || roles.includes('dispatcher');
  return (
    <>
      <Typography.Title level={3}>{pick(W.title)}</Typography.Title>
      <Tabs
        items={[
          { key: 'serials', label: pick(W.serials), children: <SerialTab canSell={canSell} /> },
          { key: 'plans', label: pick(W.plans), children: <PlansTab isAdmin={isAdmin} /> },
          ...(isAdmin ? [{ key: 'report', label: pick(W.report), children: <ReportTab /> }] : []),
        ]}
      />
    </>
  );
}
