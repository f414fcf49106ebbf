/**
 * The phone agent's intake form: customer, area (typed as people say it, resolved by the areas API with candidates
 * when ambiguous), product and serial, fault, and a preferred day and slot from the live availability.
 */
import { App, Alert, Button, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import {
  call,
  FAULTS,
  loadSettings,
  query,
  shanghaiDate,
  SLOTS,
  type AreaResolution,
  type Availability,
  type DivisionRef,
  type FaultCategory,
  type RepairOrder,
  type ServiceSettings,
  type Slot,
} from './service-api';
import { errorText, SlotName } from './service-ui';

interface IntakeValues {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  readonly productLine: string;
  readonly serial?: string;
  readonly faultCategory: FaultCategory;
  readonly description?: string;
}

/** Resolves one typed area name through the API. */
export async function resolveAreaName(text: string): Promise<AreaResolution> {
  const answer = await call<{ results?: AreaResolution[]; rows?: AreaResolution[] } | AreaResolution[]>(
    'POST',
    '/areas/resolve',
    { names: [text] },
  );
  const rows = Array.isArray(answer) ? answer : (answer.results ?? answer.rows ?? []);
  return rows[0] ?? { status: 'unresolved', input: text, reason: { zh: '无结果', en: 'No result' } };
}

/** Picks an area from typed text: resolve, then show what was found or the candidates to pick from. */
export function AreaPicker({
  value,
  onChange,
}: {
  readonly value: DivisionRef | null;
  readonly onChange: (division: DivisionRef | null) => void;
}) {
  const { t, pick } = useI18n();
  const [text, setText] = useState('');
  const [result, setResult] = useState<AreaResolution | null>(null);
  const [busy, setBusy] = useState(false);
  const resolve = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      const r = await resolveAreaName(text.trim());
      setResult(r);
      onChange(r.status === 'resolved' && r.division ? r.division : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('svc.intake.area')}
          placeholder={t('svc.intake.areaHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            void resolve();
          }}
        />
        <Button onClick={() => void resolve()} loading={busy}>
          {t('svc.intake.resolve')}
        </Button>
      </Space.Compact>
      {result?.status === 'ambiguous' && (
        <Alert
          type="warning"
          showIcon
          message={t('svc.intake.ambiguous')}
          description={
            <Radio.Group
              aria-label={t('svc.intake.ambiguous')}
              value={value?.code}
              onChange={(e) => onChange(result.candidates?.find((c) => c.code === e.target.value) ?? null)}
            >
              <Space direction="vertical">
                {(result.candidates ?? []).map((c) => (
                  <Radio key={c.code} value={c.code}>
                    {c.fullName} <Typography.Text type="secondary">{c.code}</Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          }
        />
      )}
      {result?.status === 'unresolved' && (
        <Alert
          type="error"
          showIcon
          message={t('svc.intake.unresolved', { reason: result.reason ? pick(result.reason) : result.input })}
        />
      )}
      {value && (
        <Typography.Text type="success" data-testid="area-resolved">
          {t('svc.intake.resolved', { name: value.fullName })} <Tag>{value.code}</Tag>
        </Typography.Text>
      )}
    </Space>
  );
}

/** Days and slots with free capacity for this area, product line and fault. */
export function AvailabilityGrid({
  areaCode,
  productLine,
  faultCategory,
  value,
  onChange,
  days = 7,
}: {
  readonly areaCode: string | null;
  readonly productLine: string | undefined;
  readonly faultCategory: string | undefined;
  readonly value: { date: string; slot: Slot } | null;
  readonly onChange: (v: { date: string; slot: Slot }) => void;
  readonly days?: number;
}) {
  const { t, lang, pick } = useI18n();
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!areaCode || !productLine || !faultCategory) return;
    const from = shanghaiDate();
    const to = shanghaiDate(Date.now() + (days - 1) * 86_400_000);
    let live = true;
    call<Availability>('GET', `/service/availability${query({ areaCode, productLine, faultCategory, from, to })}`).then(
      (a) => live && (setAvailability(a), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [areaCode, productLine, faultCategory, days]);
  if (!areaCode) return <Typography.Text type="secondary">{t('svc.intake.needArea')}</Typography.Text>;
  if (!productLine || !faultCategory)
    return <Typography.Text type="secondary">{t('svc.intake.needFault')}</Typography.Text>;
  if (error) return <Alert type="error" message={error} />;
  if (!availability) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const weekday = (date: string) =>
    new Date(`${date}T12:00:00+08:00`).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'Asia/Shanghai',
    });
  return (
    <div className="svc-avail" role="radiogroup" aria-label={t('svc.intake.availability')}>
      {availability.days.map((day) => (
        <div key={day.date} className="svc-avail-day">
          <div className="svc-avail-date">
            {weekday(day.date)}
            {day.holiday ? <div className="svc-avail-holiday">{pick(day.holiday)}</div> : null}
          </div>
          {SLOTS.map((slot) => {
            const free = day.slots.find((s) => s.slot === slot)?.free ?? 0;
            const chosen = value?.date === day.date && value.slot === slot;
            return (
              <button
                key={slot}
                type="button"
                role="radio"
                aria-checked={chosen}
                disabled={free <= 0}
                className={`svc-avail-slot${chosen ? ' is-chosen' : ''}`}
                aria-label={`${day.date} ${t(`svc.slot.${slot}`)} ${free > 0 ? t('svc.intake.free', { n: free }) : t('svc.intake.full')}`}
                onClick={() => onChange({ date: day.date, slot })}
              >
                <SlotName slot={slot} />
                <span className="svc-avail-free">
                  {free > 0 ? t('svc.intake.free', { n: free }) : t('svc.intake.full')}
                </span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

export function IntakeDrawer({
  open,
  onClose,
  onCreated,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated: (order: RepairOrder) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [area, setArea] = useState<DivisionRef | null>(null);
  const [when, setWhen] = useState<{ date: string; slot: Slot } | null>(null);
  const [settings, setSettings] = useState<ServiceSettings | null>(null);
  const [created, setCreated] = useState<RepairOrder | null>(null);
  const [statusLink, setStatusLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const productLine = Form.useWatch('productLine', form);
  const fault = Form.useWatch('faultCategory', form);

  useEffect(() => {
    // A failed load is shown (without the settings there is no product line, so no availability to pick from).
    if (open && !settings)
      void loadSettings().then(setSettings, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [open, settings]);
  useEffect(() => {
    // The first product line is the default (most brands have one).
    if (open && settings?.productLines[0] && !form.getFieldValue('productLine'))
      form.setFieldValue('productLine', settings.productLines[0]);
  }, [open, settings, form]);

  const submit = async (values: IntakeValues) => {
    setError(null);
    if (!area) return setError(t('svc.intake.needArea'));
    if (!when) return setError(t('svc.intake.slot'));
    setBusy(true);
    try {
      const { order, statusToken } = await call<{ order: RepairOrder; statusToken: string }>('POST', '/repair-orders', {
        channel: 'phone',
        customer: { name: values.name, phone: values.phone, address: values.address },
        areaCode: area.code,
        productLine: values.productLine,
        ...(values.serial ? { serial: values.serial } : {}),
        faultCategory: values.faultCategory,
        description: values.description?.trim() || t(`svc.fault.${values.faultCategory}`),
        preferredDate: when.date,
        preferredSlot: when.slot,
      });
      setCreated(order);
      setStatusLink(`${window.location.origin}/repair/status?token=${encodeURIComponent(statusToken)}`);
      void message.success(t('svc.intake.created', { number: order.number }));
      onCreated(order);
    } catch (e) {
      setError(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    form.resetFields();
    setArea(null);
    setWhen(null);
    setCreated(null);
    setStatusLink(null);
    setError(null);
  };

  return (
    <Drawer
      title={t('svc.intake.title')}
      open={open}
      width={560}
      onClose={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      {created ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            message={<span data-testid="created-order">{t('svc.intake.created', { number: created.number })}</span>}
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('svc.intake.serial')}>
              {created.serial ?? '—'} <Tag data-testid="warranty">{t(`svc.warranty.${created.warrantyStatus}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('svc.intake.freeInspection')}>
              {created.freeInspection ? '✓' : '—'}
            </Descriptions.Item>
            {statusLink && (
              <Descriptions.Item label={t('svc.order.statusLink')}>
                <Typography.Text copyable data-testid="status-link">
                  {statusLink}
                </Typography.Text>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('svc.order.customer')}>
              {created.customerNameMasked} {created.customerPhoneMasked}
            </Descriptions.Item>
          </Descriptions>
          <Button onClick={reset}>{t('svc.board.newOrder')}</Button>
        </Space>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
          <Form.Item
            name="name"
            label={t('svc.intake.name')}
            rules={[{ required: true, message: t('svc.intake.required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('svc.intake.phone')}
            rules={[
              { required: true, message: t('svc.intake.required') },
              { pattern: /^(\+?86)?1\d{10}$/, message: t('svc.intake.badPhone') },
            ]}
          >
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('svc.intake.area')} required>
            <AreaPicker value={area} onChange={setArea} />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('svc.intake.address')}
            rules={[{ required: true, message: t('svc.intake.required') }]}
          >
            <Input />
          </Form.Item>
          <Space.Compact block>
            <Form.Item
              name="productLine"
              label={t('svc.intake.productLine')}
              rules={[{ required: true, message: t('svc.intake.required') }]}
              style={{ flex: 1 }}
            >
              <Select
                aria-label={t('svc.intake.productLine')}
                options={(settings?.productLines ?? []).map((p) => ({ value: p, label: p }))}
              />
            </Form.Item>
            <Form.Item name="serial" label={t('svc.intake.serial')} style={{ flex: 1, marginInlineStart: 8 }}>
              <Input autoComplete="off" />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            name="faultCategory"
            label={t('svc.intake.fault')}
            rules={[{ required: true, message: t('svc.intake.required') }]}
          >
            <Select
              aria-label={t('svc.intake.fault')}
              options={FAULTS.map((f) => ({ value: f, label: t(`svc.fault.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('svc.intake.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('svc.intake.availability')} required>
            <AvailabilityGrid
              areaCode={area?.code ?? null}
              productLine={productLine}
              faultCategory={fault}
              value={when}
              onChange={setWhen}
            />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('svc.intake.submit')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
