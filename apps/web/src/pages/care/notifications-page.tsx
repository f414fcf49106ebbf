/**
 * Notifications: every user's in-app list (the console channel: SLA breaches, assignments, complaint updates) with
 * mark-as-read; for admins the outbox with each delivery's state, requeueing dead ones, and the channels' settings
 * (SMTP server and sender, webhook endpoints whose signing secret is shown once).
 */
import { ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Alert,
  Badge,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Segmented,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { dateTime } from '../../app/format';
import { can, useSession } from '../../app/session';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, itemsOf, query } from '../service/service-api';
import { errorText } from '../service/service-ui';

type Notification = Schemas['Notification'];
type EmailSettings = Schemas['NotificationEmailSettings'];
type Webhook = Schemas['NotificationWebhook'];
type Status = Notification['status'];

const W = {
  title: { zh: '通知', en: 'Notifications' },
  mine: { zh: '我的通知', en: 'My notifications' },
  outbox: { zh: '发送记录', en: 'Outbox' },
  channels: { zh: '渠道设置', en: 'Channels' },
  unread: { zh: '未读', en: 'Unread' },
  all: { zh: '全部', en: 'All' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  open: { zh: '查看', en: 'Open' },
  none: { zh: '暂无通知', en: 'No notifications' },
  reload: { zh: '刷新', en: 'Reload' },
  when: { zh: '时间', en: 'When' },
  topic: { zh: '主题', en: 'Topic' },
  channel: { zh: '渠道', en: 'Channel' },
  recipient: { zh: '接收方', en: 'Recipient' },
  status: { zh: '状态', en: 'Status' },
  attempts: { zh: '尝试次数', en: 'Attempts' },
  next: { zh: '下次重试', en: 'Next attempt' },
  error: { zh: '最近错误', en: 'Last error' },
  requeue: { zh: '重新发送', en: 'Send again' },
  requeued: { zh: '已重新排队', en: 'Queued again' },
  email: { zh: '电子邮件（SMTP）', en: 'E-mail (SMTP)' },
  host: { zh: 'SMTP 服务器', en: 'SMTP host' },
  port: { zh: '端口', en: 'Port' },
  secure: { zh: '全程 TLS（465）', en: 'TLS from the start (465)' },
  user: { zh: '用户名', en: 'User' },
  password: { zh: '密码（留空则不变）', en: 'Password (blank keeps it)' },
  passwordSet: { zh: '已设置密码（加密保存）', en: 'A password is set (sealed)' },
  from: { zh: '发件人', en: 'From' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  webhooks: { zh: 'Webhook 推送', en: 'Webhooks' },
  name: { zh: '名称', en: 'Name' },
  url: { zh: '地址', en: 'URL' },
  topics: { zh: '主题（逗号分隔，* 为全部）', en: 'Topics (comma-separated, * for all)' },
  add: { zh: '添加', en: 'Add' },
  enabled: { zh: '启用', en: 'Enabled' },
  secretOnce: {
    zh: '签名密钥只显示这一次，请保存到接收系统：',
    en: 'The signing secret is shown this once; store it in the receiving system:',
  },
  verifyHint: {
    zh: '每次请求带 Proofdesk-Timestamp 与 Proofdesk-Signature（HMAC-SHA256），按 Proofdesk-Delivery 去重。',
    en: 'Each request carries Proofdesk-Timestamp and Proofdesk-Signature (HMAC-SHA256); de-duplicate on Proofdesk-Delivery.',
  },
} as const;

const STATUS_TEXT: Readonly<Record<Status, { zh: string; en: string }>> = {
  pending: { zh: '待发送', en: 'Pending' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已送达', en: 'Sent' },
  failed: { zh: '失败待重试', en: 'Failed, will retry' },
  dead: { zh: '已放弃', en: 'Dead' },
};

const CHANNEL_TEXT: Readonly<Record<Notification['channel'], { zh: string; en: string }>> = {
  console: { zh: '站内', en: 'Console' },
  email: { zh: '邮件', en: 'E-mail' },
  webhook: { zh: 'Webhook', en: 'Webhook' },
  sms: { zh: '短信', en: 'SMS' },
};

const STATUS_COLOURS: Readonly<Record<Status, string>> = {
  pending: 'gold',
  sending: 'processing',
  sent: 'green',
  failed: 'orange',
  dead: 'red',
};

function MyList() {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<'unread' | 'all'>('unread');
  const list = useLoad(
    () => call<unknown>('GET', `/notifications/mine${query({ unread: filter === 'unread' ? 'true' : undefined })}`),
    filter,
  );
  const items = itemsOf<Notification>(list.data);
  const markRead = async (id: string) => {
    try {
      await call('POST', `/notifications/mine/${id}/read`);
      list.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Segmented
          aria-label={pick(W.mine)}
          value={filter}
          onChange={(v) => setFilter(v as 'unread' | 'all')}
          options={[
            { value: 'unread', label: pick(W.unread) },
            { value: 'all', label: pick(W.all) },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={pick(W.reload)} />
      </Space>
      {list.error ? <Alert type="error" message={errorText(list.error, pick)} /> : null}
      <Table<Notification>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: pick(W.none) }}
        columns={[
          {
            title: pick(W.title),
            render: (_, n) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong={!n.readAt}>
                  {!n.readAt ? <Badge status="processing" /> : null} {pick(n.title)}
                </Typography.Text>
                <Typography.Text type="secondary">{pick(n.body)}</Typography.Text>
              </Space>
            ),
          },
          { title: pick(W.when), width: 170, render: (_, n) => dateTime(n.createdAt, lang) },
          {
            title: '',
            width: 190,
            render: (_, n) => (
              <Space>
                {n.link?.startsWith('/') ? <Link to={n.link}>{pick(W.open)}</Link> : null}
                {!n.readAt ? (
                  <Button size="small" onClick={() => void markRead(n.id)}>
                    {pick(W.markRead)}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function Outbox() {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const list = useLoad(
    () => call<unknown>('GET', `/notifications/outbox${query({ status: status === 'all' ? undefined : status })}`),
    status,
  );
  const requeue = async (id: string) => {
    try {
      await call('POST', `/notifications/outbox/${id}/requeue`);
      void message.success(pick(W.requeued));
      list.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          aria-label={pick(W.status)}
          value={status}
          onChange={(v) => setStatus(v)}
          options={(['all', 'pending', 'sending', 'sent', 'failed', 'dead'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? pick(W.all) : pick(STATUS_TEXT[s]),
          }))}
        />
        <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={pick(W.reload)} />
      </Space>
      {list.error ? <Alert type="error" message={errorText(list.error, pick)} /> : null}
      <Table<Notification>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={itemsOf<Notification>(list.data)}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: pick(W.when), width: 160, render: (_, n) => dateTime(n.createdAt, lang) },
          { title: pick(W.topic), dataIndex: 'topic', width: 140 },
          { title: pick(W.channel), width: 90, render: (_, n) => pick(CHANNEL_TEXT[n.channel]) },
          { title: pick(W.recipient), dataIndex: 'recipient', ellipsis: true },
          {
            title: pick(W.status),
            width: 120,
            render: (_, n) => <Tag color={STATUS_COLOURS[n.status]}>{pick(STATUS_TEXT[n.status])}</Tag>,
          },
          { title: pick(W.attempts), dataIndex: 'attempts', width: 80 },
          { title: pick(W.next), width: 160, render: (_, n) => dateTime(n.nextAttemptAt, lang) },
          { title: pick(W.error), dataIndex: 'lastError', ellipsis: true },
          {
            title: '',
            width: 110,
            render: (_, n) =>
              n.status === 'dead' || n.status === 'failed' ? (
                <Button size="small" onClick={() => void requeue(n.id)}>
                  {pick(W.requeue)}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}

interface EmailForm {
  smtpHost?: string;
  smtpPort?: number;
  smtpSecure?: boolean;
  smtpUser?: string;
  smtpPassword?: string;
  mailFrom?: string;
}

function Channels() {
  const { pick } = useI18n();
  const { message, modal } = App.useApp();
  const settings = useLoad(() => call<EmailSettings>('GET', '/notifications/settings/email'), 'email');
  const hooks = useLoad(() => call<{ items: Webhook[] }>('GET', '/notifications/webhooks'), 'hooks');
  const [hookForm] = Form.useForm<{ name: string; url: string; topics: string }>();
  const saveEmail = async (v: EmailForm) => {
    try {
      await call('PUT', '/notifications/settings/email', {
        smtpHost: v.smtpHost?.trim() ? v.smtpHost.trim() : null,
        ...(v.smtpPort ? { smtpPort: v.smtpPort } : {}),
        smtpSecure: Boolean(v.smtpSecure),
        smtpUser: v.smtpUser?.trim() ? v.smtpUser.trim() : null,
        ...(v.smtpPassword ? { smtpPassword: v.smtpPassword } : {}),
        mailFrom: v.mailFrom?.trim() ? v.mailFrom.trim() : null,
      });
      void message.success(pick(W.saved));
      settings.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const addHook = async () => {
    const v = await hookForm.validateFields();
    try {
      const created = await call<Webhook & { secret: string }>('POST', '/notifications/webhooks', {
        name: v.name.trim(),
        url: v.url.trim(),
        topics: v.topics
          .split(/[,，\s]+/)
          .map((t) => t.trim())
          .filter(Boolean),
      });
      hookForm.resetFields();
      hooks.reload();
      modal.info({
        title: created.name,
        content: (
          <Typography.Paragraph>
            {pick(W.secretOnce)}{' '}
            <Typography.Text copyable code>
              {created.secret}
            </Typography.Text>
          </Typography.Paragraph>
        ),
      });
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const toggle = async (hook: Webhook, enabled: boolean) => {
    try {
      await call('PATCH', `/notifications/webhooks/${hook.id}`, { enabled });
      hooks.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const s = settings.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={pick(W.email)}>
        {s ? (
          <Form<EmailForm>
            layout="vertical"
            initialValues={{
              smtpHost: s.smtpHost ?? '',
              smtpPort: s.smtpPort ?? undefined,
              smtpSecure: s.smtpSecure,
              smtpUser: s.smtpUser ?? '',
              mailFrom: s.mailFrom ?? '',
            }}
            onFinish={(v) => void saveEmail(v)}
            style={{ maxWidth: 520 }}
          >
            <Form.Item name="smtpHost" label={pick(W.host)}>
              <Input placeholder="smtp.example.com" />
            </Form.Item>
            <Space>
              <Form.Item name="smtpPort" label={pick(W.port)}>
                <InputNumber min={1} max={65535} />
              </Form.Item>
              <Form.Item name="smtpSecure" label={pick(W.secure)} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Form.Item name="smtpUser" label={pick(W.user)}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="smtpPassword"
              label={pick(W.password)}
              extra={s.passwordSet ? pick(W.passwordSet) : undefined}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="mailFrom" label={pick(W.from)}>
              <Input placeholder="售后服务 <service@brand.example>" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {pick(W.save)}
            </Button>
          </Form>
        ) : null}
      </Card>
      <Card title={pick(W.webhooks)}>
        <Typography.Paragraph type="secondary">{pick(W.verifyHint)}</Typography.Paragraph>
        <Table<Webhook>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={hooks.data?.items ?? []}
          columns={[
            { title: pick(W.name), dataIndex: 'name' },
            { title: pick(W.url), dataIndex: 'url', ellipsis: true },
            { title: pick(W.topic), render: (_, h) => h.topics.join(', ') },
            {
              title: pick(W.enabled),
              width: 80,
              render: (_, h) => (
                <Switch
                  checked={h.enabled}
                  aria-label={`${pick(W.enabled)} ${h.name}`}
                  onChange={(on) => void toggle(h, on)}
                />
              ),
            },
          ]}
        />
        <Form form={hookForm} layout="inline" style={{ marginTop: 16 }} initialValues={{ topics: '*' }}>
          <Form.Item name="name" label={pick(W.name)} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="url"
            label={pick(W.url)}
            rules={[{ required: true, whitespace: true }, { validator: (_, v: string | undefined) => checkUrl(v) }]}
          >
            <Input placeholder="https://crm.example.com/hooks" style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="topics" label={pick(W.topics)} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Button onClick={() => void addHook()}>{pick(W.add)}</Button>
        </Form>
      </Card>
    </Space>
  );
}

/** An http(s) URL, host names and IP addresses alike (antd's `type: 'url'` refuses an address like 10.0.0.5). */
function checkUrl(value: string | undefined): Promise<void> {
  if (!value) return Promise.resolve();
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return Promise.resolve();
  } catch {
    // falls through to the refusal
  }
  return Promise.reject(new Error('http(s)://…'));
}

export default function NotificationsPage() {
  const { pick } = useI18n();
  const { user } = useSession();
  const admin = can(user, 'admin');
  return (
    <div className="pd-page">
      <Typography.Title level={3}>{pick(W.title)}</Typography.Title>
      {admin ? (
        <Tabs
          items={[
            { key: 'mine', label: pick(W.mine), children: <MyList /> },
            { key: 'outbox', label: pick(W.outbox), children: <Outbox /> },
            { key: 'channels', label: pick(W.channels), children: <Channels /> },
          ]}
        />
      ) : (
        <MyList />
      )}
    </div>
  );
}
