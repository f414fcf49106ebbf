import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Image, Input, Progress, Space, Table, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { ACCEPT_ATTRIBUTE, checkUpload, MAX_UPLOAD_BYTES, uploadPhoto } from '../api/upload';
import { dateTime, yuan } from '../app/format';
import { can, useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n';
import { zh, type MessageKey } from '../i18n/messages';

type Owner = { readonly kind: 'product'; readonly id: string } | { readonly kind: 'order'; readonly id: string };

/** A row's reference photos as thumbnails (click to enlarge), with an upload button and its progress. */
function PhotoStrip({
  owner,
  label,
  canWrite,
}: {
  readonly owner: Owner;
  readonly label: string;
  readonly canWrite: boolean;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [pct, setPct] = useState<number | null>(null);
  const { data, reload } = useLoad(async () => {
    const result =
      owner.kind === 'product'
        ? await api.GET('/api/v1/products/{id}/photos', { params: { path: { id: owner.id } } })
        : await api.GET('/api/v1/orders/{id}/photos', { params: { path: { id: owner.id } } });
    return unwrap(result).items;
  }, owner.id);
  const upload = async (file: File) => {
    const check = checkUpload(file);
    if (!check.ok) {
      void message.error(
        check.problem === 'format' ? t('upload.wrongFormat') : t('upload.tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 }),
      );
      return;
    }
    setPct(0);
    try {
      await uploadPhoto<Schemas['ReferencePhoto']>(
        `/api/v1/${owner.kind === 'product' ? 'products' : 'orders'}/${owner.id}/photos`,
        file,
        (f) => setPct(Math.round(f * 100)),
      );
      void message.success(t('respond.uploaded', { name: file.name }));
      reload();
    } catch (e) {
      void message.error(t('upload.failed', { message: e instanceof ApiError ? pick(e.text) : String(e) }));
    } finally {
      setPct(null);
    }
  };
  return (
    <Space size={8} wrap align="center">
      <Image.PreviewGroup>
        {(data ?? []).map((p) => (
          <Image
            key={p.id}
            width={48}
            height={48}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            src={`/api/v1/reference-photos/${p.id}/image`}
            alt={p.filename}
          />
        ))}
      </Image.PreviewGroup>
      {data?.length === 0 && <span className="pd-muted">{t('catalogue.noPhotos')}</span>}
      {canWrite && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            accept={ACCEPT_ATTRIBUTE}
            aria-label={t('catalogue.addPhotoFor', { name: label })}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Tooltip title={t('catalogue.addPhoto')}>
            <Button
              size="small"
              icon={<UploadOutlined />}
              aria-label={t('catalogue.addPhotoFor', { name: label })}
              onClick={() => input.current?.click()}
              disabled={pct !== null}
            />
          </Tooltip>
          {pct !== null && (
            <Progress type="circle" size={28} percent={pct} aria-label={t('respond.uploading', { pct })} />
          )}
        </>
      )}
    </Space>
  );
}

/** Products with their listing photos and orders with their packing photos: the references claims are checked against. */
export default function CataloguePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const canWrite = can(user, 'respond');
  const products = useLoad(
    async () => unwrap(await api.GET('/api/v1/products', { params: { query: { limit: 200 } } })).items,
    'products',
  );
  const orders = useLoad(
    async () => unwrap(await api.GET('/api/v1/orders', { params: { query: { limit: 200 } } })).items,
    'orders',
  );
  const [form] = Form.useForm<{ sku: string; name: string }>();
  const addProduct = async (values: { sku: string; name: string }) => {
    try {
      unwrap(await api.POST('/api/v1/products', { body: values }));
      form.resetFields();
      products.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? (lang === 'zh' ? e.text.zh : e.text.en) : t('common.error'));
    }
  };
  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('catalogue.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('catalogue.subtitle')}</Typography.Text>
        </div>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('catalogue.products')}>
          <Table<Schemas['Product']>
            aria-label={t('catalogue.products')}
            rowKey="id"
            loading={products.loading}
            dataSource={products.data ?? []}
            pagination={false}
            scroll={{ x: 720 }}
            columns={[
              {
                title: t('catalogue.sku'),
                key: 'sku',
                width: 140,
                render: (_, p) => <span className="pd-mono">{p.sku}</span>,
              },
              { title: t('catalogue.name'), dataIndex: 'name' },
              {
                title: t('catalogue.listingPhotos'),
                key: 'photos',
                render: (_, p) => (
                  <PhotoStrip owner={{ kind: 'product', id: p.id }} label={p.name} canWrite={canWrite} />
                ),
              },
            ]}
          />
          {canWrite && (
            <Form
              form={form}
              layout="inline"
              requiredMark={false}
              onFinish={(v) => void addProduct(v)}
              style={{ marginTop: 16, rowGap: 12 }}
            >
              <Form.Item
                name="sku"
                label={t('catalogue.sku')}
                rules={[{ required: true, message: t('auth.required') }]}
              >
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                name="name"
                label={t('catalogue.name')}
                rules={[{ required: true, message: t('auth.required') }]}
              >
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />}>
                {t('catalogue.addProduct')}
              </Button>
            </Form>
          )}
        </Card>
        <Card title={t('catalogue.orders')}>
          <Table<Schemas['Order']>
            aria-label={t('catalogue.orders')}
            rowKey="id"
            loading={orders.loading}
            dataSource={orders.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 860 }}
            columns={[
              {
                title: t('catalogue.platform'),
                key: 'platform',
                width: 110,
                render: (_, o) => {
                  const key = `platform.${o.platform}`;
                  return key in zh ? t(key as MessageKey) : o.platform;
                },
              },
              {
                title: t('catalogue.orderId'),
                key: 'orderId',
                width: 200,
                render: (_, o) => <span className="pd-mono">{o.platformOrderId}</span>,
              },
              {
                title: t('catalogue.amount'),
                key: 'amount',
                width: 120,
                align: 'right',
                render: (_, o) => `¥${yuan(o.amountFen)}`,
              },
              {
                title: t('catalogue.delivered'),
                key: 'delivered',
                width: 170,
                render: (_, o) => <span className="pd-muted">{dateTime(o.deliveredAt, lang)}</span>,
              },
              {
                title: t('catalogue.packingPhotos'),
                key: 'photos',
                render: (_, o) => (
                  <PhotoStrip owner={{ kind: 'order', id: o.id }} label={o.platformOrderId} canWrite={canWrite} />
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
