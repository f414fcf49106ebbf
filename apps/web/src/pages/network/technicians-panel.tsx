import { App, Button, Form, Input, InputNumber, Modal, Rate, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, FAULTS, itemsOf, loadSettings, type Technician } from '../service/service-api';
import { errorText } from '../service/service-ui';
import { loadOutlets } from './outlets-panel';

interface TechForm {
  readonly name: string;
  readonly phone?: string;
  readonly homeOutletId: string;
  readonly productLines: string[];
  readonly faultCategories: string[];
  readonly rating: number;
  readonly capacityOverride: number | null;
}

interface Calendar {
  readonly off: readonly string[];
  readonly on: readonly string[];
}

const dates = (text: string) =>
  text
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter(Boolean);

export function TechniciansPanel({ admin }: { readonly admin: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const techs = useLoad(() => call<unknown>('GET', '/technicians?limit=200').then(itemsOf<Technician>), 'techs');
  const outlets = useLoad(loadOutlets, 'outlets');
  const settings = useLoad(loadSettings, 'settings');
  const [editing, setEditing] = useState<Technician | 'new' | null>(null);
  const [calendarOf, setCalendarOf] = useState<Technician | null>(null);
  const [calendar, setCalendar] = useState({ off: '', on: '' });
  const [form] = Form.useForm<TechForm>();
  const outletName = (id: string) => outlets.data?.find((o) => o.id === id)?.name ?? id.slice(-6);

  const open = (x: Technician | 'new') => {
    setEditing(x);
    form.setFieldsValue(
      x === 'new'
        ? { name: '', phone: '', productLines: [], faultCategories: [...FAULTS], rating: 4.5, capacityOverride: null }
        : {
            name: x.name,
            phone: '',
            homeOutletId: x.homeOutletId,
            productLines: [...x.skills.productLines],
            faultCategories: [...x.skills.faultCategories],
            rating: x.rating,
            capacityOverride: x.capacityOverride,
          },
    );
  };

  const save = async (v: TechForm) => {
    const body = {
      name: v.name,
      ...(v.phone ? { phone: v.phone } : {}),
      homeOutletId: v.homeOutletId,
      skills: { productLines: v.productLines, faultCategories: v.faultCategories },
      rating: v.rating,
      capacityOverride: v.capacityOverride ?? null,
    };
    try {
      if (editing === 'new') await call('POST', '/technicians', body);
      else if (editing)
        await call('PATCH', `/technicians/${editing.id}`, { ...body, expectedVersion: editing.version });
      void message.success(t('net.saved'));
      setEditing(null);
      techs.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };

  const openCalendar = async (x: Technician) => {
    setCalendarOf(x);
    try {
      const c = await call<Calendar>('GET', `/technicians/${x.id}/calendar`);
      setCalendar({ off: c.off.join('\n'), on: c.on.join('\n') });
    } catch {
      setCalendar({ off: '', on: '' });
    }
  };

  const saveCalendar = async () => {
    if (!calendarOf) return;
    try {
      await call('PUT', `/technicians/${calendarOf.id}/calendar`, { off: dates(calendar.off), on: dates(calendar.on) });
      void message.success(t('net.saved'));
      setCalendarOf(null);
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };

  return (
    <>
      {admin && (
        <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 12 }}>
          {t('net.tech.add')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={techs.loading}
        dataSource={techs.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('net.tech.name'),
            dataIndex: 'name',
            render: (n: string) => <span className="net-nowrap">{n}</span>,
          },
          { title: t('net.tech.phone'), dataIndex: 'phoneMasked' },
          { title: t('net.tech.outlet'), dataIndex: 'homeOutletId', render: (id: string) => outletName(id) },
          {
            title: t('net.tech.productLines'),
            key: 'lines',
            render: (_: unknown, x: Technician) => x.skills.productLines.map((p) => <Tag key={p}>{p}</Tag>),
          },
          {
            title: t('net.tech.faults'),
            key: 'faults',
            render: (_: unknown, x: Technician) =>
              x.skills.faultCategories.length === FAULTS.length
                ? t('net.tech.allFaults')
                : x.skills.faultCategories.map((f) => <Tag key={f}>{t(`svc.fault.${f as 'other'}`)}</Tag>),
          },
          { title: t('net.tech.rating'), dataIndex: 'rating', render: (r: number) => r.toFixed(1) },
          {
            title: t('net.tech.capacity'),
            dataIndex: 'capacityOverride',
            render: (c: number | null) => c ?? '—',
          },
          ...(admin
            ? [
                {
                  title: t('svc.order.actions'),
                  key: 'edit',
                  render: (_: unknown, x: Technician) => (
                    <>
                      <Button size="small" onClick={() => open(x)} aria-label={`${t('net.edit')} ${x.name}`}>
                        {t('net.edit')}
                      </Button>{' '}
                      <Button
                        size="small"
                        onClick={() => void openCalendar(x)}
                        aria-label={`${t('net.tech.calendar')} ${x.name}`}
                      >
                        {t('net.tech.calendar')}
                      </Button>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('net.tech.add') : t('net.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('net.save')}
        cancelText={t('net.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="name"
            label={t('net.tech.name')}
            rules={[{ required: true, message: t('svc.intake.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('net.tech.phone')}
            rules={editing === 'new' ? [{ required: true, message: t('svc.intake.required') }] : []}
          >
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="homeOutletId"
            label={t('net.tech.outlet')}
            rules={[{ required: true, message: t('svc.intake.required') }]}
          >
            <Select
              aria-label={t('net.tech.outlet')}
              options={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="productLines" label={t('net.tech.productLines')}>
            <Select
              mode="multiple"
              aria-label={t('net.tech.productLines')}
              options={(settings.data?.productLines ?? []).map((p) => ({ value: p, label: p }))}
            />
          </Form.Item>
          <Form.Item name="faultCategories" label={t('net.tech.faults')}>
            <Select
              mode="multiple"
              aria-label={t('net.tech.faults')}
              options={FAULTS.map((f) => ({ value: f, label: t(`svc.fault.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="rating" label={t('net.tech.rating')}>
            <Rate allowHalf aria-label={t('net.tech.rating')} />
          </Form.Item>
          <Form.Item name="capacityOverride" label={t('net.tech.capacity')}>
            <InputNumber min={0} max={20} aria-label={t('net.tech.capacity')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={calendarOf !== null}
        title={`${t('net.tech.calendar')} · ${calendarOf?.name ?? ''}`}
        onCancel={() => setCalendarOf(null)}
        onOk={() => void saveCalendar()}
        okText={t('net.save')}
        cancelText={t('net.cancel')}
      >
        <Form layout="vertical">
          <Form.Item label={t('net.tech.daysOff')}>
            <Input.TextArea
              rows={3}
              placeholder="2026-11-28"
              value={calendar.off}
              onChange={(e) => setCalendar({ ...calendar, off: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('net.tech.extraDays')}>
            <Input.TextArea
              rows={3}
              placeholder="2026-11-29"
              value={calendar.on}
              onChange={(e) => setCalendar({ ...calendar, on: e.target.value })}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
