import { CheckCircleFilled, PlusOutlined, WarningFilled } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { dateTime } from '../app/format';
import { useLoad } from '../app/use-load';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';

type Role = Schemas['User']['roles'][number];
const ROLES: readonly Role[] = ['admin', 'agent', 'reviewer', 'dispatcher', 'technician'];
type Policy = Schemas['WorkspacePolicy'];

function useApiAction() {
  const { pick, t } = useI18n();
  const { message } = App.useApp();
  return async <T,>(run: () => Promise<T>, done?: string): Promise<T | undefined> => {
    try {
      const value = await run();
      if (done) void message.success(done);
      return value;
    } catch (e) {
      void message.error(e instanceof ApiError ? pick(e.text) : t('common.error'));
      return undefined;
    }
  };
}

function RoleSelect(props: {
  readonly value: Role[];
  readonly label: string;
  readonly onChange: (roles: Role[]) => void;
}) {
  const { t } = useI18n();
  return (
    <Select<Role[]>
      mode="multiple"
      aria-label={props.label}
      value={props.value}
      onChange={props.onChange}
      style={{ minWidth: 220 }}
      options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
    />
  );
}

function UsersTab() {
  const { t, lang } = useI18n();
  const { user: me } = useSession();
  const act = useApiAction();
  const { data, loading, reload } = useLoad(async () => unwrap(await api.GET('/api/v1/users')).items, 'users');
  const [form] = Form.useForm<{ email: string; displayName: string; password: string; roles: Role[] }>();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Table<Schemas['User']>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('users.name'),
            key: 'name',
            render: (_, u) => (
              <Space direction="vertical" size={0}>
                <span>{u.displayName}</span>
                <span className="pd-muted">{u.email}</span>
              </Space>
            ),
          },
          {
            title: t('users.roles'),
            key: 'roles',
            render: (_, u) => (
              <RoleSelect
                label={t('users.rolesFor', { name: u.displayName })}
                value={[...u.roles]}
                onChange={(roles) =>
                  roles.length > 0 &&
                  void act(
                    async () =>
                      unwrap(
                        await api.PUT('/api/v1/users/{id}/roles', { params: { path: { id: u.id } }, body: { roles } }),
                      ),
                    t('admin.saved'),
                  ).then(reload)
                }
              />
            ),
          },
          {
            title: t('users.status'),
            key: 'status',
            width: 120,
            render: (_, u) =>
              u.disabledAt ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
          },
          {
            title: t('keys.created'),
            key: 'created',
            width: 170,
            render: (_, u) => <span className="pd-muted">{dateTime(u.createdAt, lang)}</span>,
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 110,
            render: (_, u) =>
              !u.disabledAt &&
              u.id !== me?.id && (
                <Popconfirm
                  title={t('users.disableConfirm')}
                  onConfirm={() =>
                    void act(
                      async () =>
                        unwrap(await api.POST('/api/v1/users/{id}/disable', { params: { path: { id: u.id } } })),
                      t('admin.saved'),
                    ).then(reload)
                  }
                >
                  <Button size="small" danger>
                    {t('users.disable')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Card size="small" title={t('users.add')}>
        <Form
          form={form}
          layout="inline"
          requiredMark={false}
          onFinish={(values) =>
            void act(async () => unwrap(await api.POST('/api/v1/users', { body: values })), t('admin.saved')).then(
              (created) => {
                if (created) {
                  form.resetFields();
                  reload();
                }
              },
            )
          }
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="displayName"
            label={t('users.name')}
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('users.email')} rules={[{ required: true, message: t('auth.required') }]}>
            <Input type="email" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[{ required: true, min: 10, message: t('users.password') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('auth.required') }]}>
            <Select<Role[]>
              mode="multiple"
              style={{ minWidth: 200 }}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
            {t('users.create')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

function KeysTab() {
  const { t, lang } = useI18n();
  const act = useApiAction();
  const { data, loading, reload } = useLoad(async () => unwrap(await api.GET('/api/v1/api-keys')).items, 'keys');
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; roles: Role[] }>();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {created && (
        <Alert
          type="success"
          showIcon
          title={t('keys.shownOnce')}
          description={
            <Typography.Paragraph copyable className="pd-mono" style={{ margin: 0 }}>
              {created}
            </Typography.Paragraph>
          }
          closable={{ onClose: () => setCreated(null) }}
        />
      )}
      <Table<Schemas['ApiKey']>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('keys.name'), dataIndex: 'name' },
          { title: t('keys.prefix'), key: 'prefix', render: (_, k) => <span className="pd-mono">{k.prefix}…</span> },
          {
            title: t('users.roles'),
            key: 'roles',
            render: (_, k) => k.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
          },
          {
            title: t('keys.lastUsed'),
            key: 'used',
            render: (_, k) => (
              <span className="pd-muted">{k.lastUsedAt ? dateTime(k.lastUsedAt, lang) : t('keys.never')}</span>
            ),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 110,
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('keys.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('keys.revokeConfirm')}
                  onConfirm={() =>
                    void act(
                      async () => unwrap(await api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: k.id } } })),
                      t('admin.saved'),
                    ).then(reload)
                  }
                >
                  <Button size="small" danger>
                    {t('keys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Card size="small" title={t('keys.add')}>
        <Form
          form={form}
          layout="inline"
          requiredMark={false}
          style={{ rowGap: 12 }}
          onFinish={(values) =>
            void act(async () => unwrap(await api.POST('/api/v1/api-keys', { body: values }))).then((result) => {
              if (!result) return;
              setCreated(result.key);
              form.resetFields();
              reload();
            })
          }
        >
          <Form.Item name="name" label={t('keys.name')} rules={[{ required: true, message: t('auth.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('auth.required') }]}>
            <Select<Role[]>
              mode="multiple"
              style={{ minWidth: 200 }}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
            {t('keys.add')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

type PolicyForm = Omit<Policy, 'autoApproveMaxAmountFen'> & { readonly ceilingYuan: number };

function PolicyTab() {
  const { t, pick } = useI18n();
  const act = useApiAction();
  const { data } = useLoad(async () => unwrap(await api.GET('/api/v1/workspace/policy')), 'policy');
  if (!data) return null;
  const initial: PolicyForm = { ...data, ceilingYuan: data.autoApproveMaxAmountFen / 100 };
  return (
    <Form<PolicyForm>
      layout="vertical"
      initialValues={initial}
      style={{ maxWidth: 560 }}
      onFinish={({ ceilingYuan, ...rest }) =>
        void act(
          async () =>
            unwrap(
              await api.PUT('/api/v1/workspace/policy', {
                body: { ...rest, autoApproveMaxAmountFen: Math.round(ceilingYuan * 100) },
              }),
            ),
          t('admin.saved'),
        )
      }
    >
      <Alert type="info" showIcon title={t('policy.note')} style={{ marginBottom: 16 }} />
      <Form.Item name="autoApproveEnabled" label={t('policy.autoApprove')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="ceilingYuan" label={t('policy.ceiling')}>
        <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="autoApproveMaxPriorClaims" label={t('policy.maxPrior')}>
        <InputNumber min={0} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="autoApproveBlockIfPriorRejection"
        label={t('policy.blockPriorRejection')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="autoApproveMinCreditScore"
        label={pick({
          zh: '自动同意的最低买家信用分（0 = 不检查）',
          en: 'Minimum buyer credit score for auto-approval (0 = off)',
        })}
      >
        <InputNumber min={0} max={100} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="merchantResponseHours" label={t('policy.responseHours')}>
        <InputNumber min={1} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="onMerchantTimeout" label={t('policy.onTimeout')}>
        <Radio.Group>
          <Space direction="vertical">
            <Radio value="approve_if_clean">{t('policy.onTimeout.approve_if_clean')}</Radio>
            <Radio value="review">{t('policy.onTimeout.review')}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="appealWindowDays" label={t('policy.appealDays')}>
        <InputNumber min={0} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('policy.save')}
      </Button>
    </Form>
  );
}

function AuditTab() {
  const { t, lang, pick } = useI18n();
  const chain = useLoad(async () => unwrap(await api.GET('/api/v1/audit/verify')), 'verify');
  const events = useLoad(
    async () => unwrap(await api.GET('/api/v1/audit/events', { params: { query: { limit: 200 } } })).items,
    'events',
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {chain.data && (
        <Alert
          type={chain.data.ok ? 'success' : 'error'}
          showIcon
          icon={chain.data.ok ? <CheckCircleFilled /> : <WarningFilled />}
          role="status"
          title={
            chain.data.ok
              ? t('audit.chainOk', { count: chain.data.checked })
              : t('audit.chainBroken', {
                  seq: chain.data.firstBreak?.seq ?? '?',
                  reason: chain.data.firstBreak ? pick(chain.data.firstBreak.text) : '',
                })
          }
          action={
            <Button size="small" onClick={chain.reload} loading={chain.loading}>
              {t('audit.verify')}
            </Button>
          }
        />
      )}
      <Table<Schemas['AuditEvent']>
        rowKey="id"
        size="small"
        loading={events.loading}
        dataSource={events.data ?? []}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.time'), key: 'at', width: 170, render: (_, e) => dateTime(e.at, lang) },
          { title: t('audit.action'), key: 'action', width: 220, render: (_, e) => <Tag>{e.action}</Tag> },
          {
            title: t('audit.actor'),
            key: 'actor',
            ellipsis: true,
            render: (_, e) => <span className="pd-mono">{e.actor}</span>,
          },
          {
            title: t('audit.details'),
            key: 'data',
            ellipsis: true,
            render: (_, e) => <span className="pd-mono pd-muted">{e.data ? JSON.stringify(e.data) : ''}</span>,
          },
        ]}
      />
    </Space>
  );
}

const TABS = ['users', 'keys', 'policy', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** Members and roles, API keys, the claim policy, and the audit log with its chain verification. */
export default function AdminPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'users';
  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('admin.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'users', label: t('admin.tab.users'), children: <UsersTab /> },
            { key: 'keys', label: t('admin.tab.keys'), children: <KeysTab /> },
            { key: 'policy', label: t('admin.tab.policy'), children: <PolicyTab /> },
            { key: 'audit', label: t('admin.tab.audit'), children: <AuditTab /> },
          ]}
        />
      </Card>
    </>
  );
}
