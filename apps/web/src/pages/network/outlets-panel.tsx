import { App, Button, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { AreaPicker } from '../service/intake-drawer';
import { call, itemsOf, type DivisionRef, type Outlet } from '../service/service-api';
import { errorText, useAreaNames } from '../service/service-ui';

export function loadOutlets(): Promise<Outlet[]> {
  return call<unknown>('GET', '/outlets?limit=200').then(itemsOf<Outlet>);
}

interface OutletForm {
  readonly name: string;
  readonly address: string;
  readonly phones: string;
  readonly active: boolean;
}

export function OutletsPanel({ admin }: { readonly admin: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const outlets = useLoad(loadOutlets, 'outlets');
  const names = useAreaNames((outlets.data ?? []).map((o) => o.areaCode));
  const [editing, setEditing] = useState<Outlet | 'new' | null>(null);
  const [area, setArea] = useState<DivisionRef | null>(null);
  const [form] = Form.useForm<OutletForm>();

  const open = (o: Outlet | 'new') => {
    setEditing(o);
    setArea(
      o === 'new' ? null : { code: o.areaCode, fullName: names[o.areaCode]?.fullName ?? o.areaCode, level: 'county' },
    );
    form.setFieldsValue(
      o === 'new'
        ? { name: '', address: '', phones: '', active: true }
        : { name: o.name, address: o.address, phones: o.phones.join(', '), active: o.active },
    );
  };

  const save = async (v: OutletForm) => {
    if (!area) return void message.error(t('svc.intake.needArea'));
    const body = {
      name: v.name,
      address: v.address,
      areaCode: area.code,
      phones: v.phones
        .split(/[,，\s]+/)
        .map((p) => p.trim())
        .filter(Boolean),
      active: v.active,
    };
    try {
      if (editing === 'new') await call('POST', '/outlets', body);
      else if (editing) await call('PATCH', `/outlets/${editing.id}`, { ...body, expectedVersion: editing.version });
      void message.success(t('net.saved'));
      setEditing(null);
      outlets.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };

  return (
    <>
      {admin && (
        <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 12 }}>
          {t('net.add')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={outlets.loading}
        dataSource={outlets.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('net.name'), dataIndex: 'name' },
          {
            title: t('svc.order.area'),
            dataIndex: 'areaCode',
            render: (code: string) => names[code]?.fullName ?? code,
          },
          { title: t('net.address'), dataIndex: 'address' },
          {
            title: t('net.phones'),
            dataIndex: 'phones',
            render: (phones: string[]) => phones.join('、'),
          },
          {
            title: t('net.active'),
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
          },
          ...(admin
            ? [
                {
                  title: t('svc.order.actions'),
                  key: 'edit',
                  render: (_: unknown, o: Outlet) => (
                    <Button size="small" onClick={() => open(o)} aria-label={`${t('net.edit')} ${o.name}`}>
                      {t('net.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('net.add') : t('net.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('net.save')}
        cancelText={t('net.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={t('net.name')} rules={[{ required: true, message: t('svc.intake.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('svc.intake.area')} required>
            <AreaPicker value={area} onChange={setArea} />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('net.address')}
            rules={[{ required: true, message: t('svc.intake.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="phones" label={t('net.phones')}>
            <Input />
          </Form.Item>
          <Form.Item name="active" label={t('net.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Space />
    </>
  );
}
