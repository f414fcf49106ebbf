/**
 * Fraud feeds (admins): this workspace's own signed feed (publishing on/off, the feed address, public key and
 * fingerprint to give subscribers out of band, the network key's fingerprint) and the subscriptions to other
 * installations' feeds with their verification status, last seq and last error, "pull now" and removal.
 */
import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Schemas } from '../../api/client';
import { dateTime } from '../../app/format';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call } from '../service/service-api';
import { errorText } from '../service/service-ui';

type Settings = Schemas['FeedSettings'];
type Subscription = Schemas['FeedSubscription'];
type Status = Subscription['status'];

const W = {
  title: { zh: '欺诈信号源', en: 'Fraud feeds' },
  intro: {
    zh: '与其他商家或平台交换经人工确认的欺诈信号（伪造照片的感知哈希、买家网络标识、金额）。每条记录都由发布方的 Ed25519 密钥签名并串成哈希链；订阅方固定发布方公钥，逐条验证。',
    en: "Exchange human-confirmed fraud signals (perceptual hashes of faked photos, buyer network identities, amounts) with other merchants or platforms. Every entry is signed with the publisher's Ed25519 key and hash-chained; subscribers pin the key and verify each entry.",
  },
  publish: { zh: '发布本店的信号源', en: "Publish this shop's feed" },
  publishing: { zh: '发布确认的欺诈信号', en: 'Publish confirmed fraud signals' },
  publishHint: {
    zh: '关闭后不再发布新信号；已发布信号的撤回（申诉改判）仍会发布。',
    en: 'When off, no new signals go out; retractions of published signals (appeals reversed) still do.',
  },
  address: { zh: '信号源地址', en: 'Feed address' },
  publicKey: { zh: '公钥（Ed25519）', en: 'Public key (Ed25519)' },
  fingerprint: { zh: '公钥指纹', en: 'Key fingerprint' },
  fingerprintHint: {
    zh: '请通过电话或当面等其他渠道把地址、公钥和指纹交给订阅方核对。',
    en: 'Give the address, key and fingerprint to subscribers through another channel (phone, in person) to compare.',
  },
  entries: { zh: '已发布记录', en: 'Entries published' },
  networkKey: { zh: '网络共享密钥', en: 'Network key' },
  networkKeyHint: {
    zh: '参与方共享的买家标识密钥（Base64，至少 32 字节），加密保存，只显示指纹。设置前已有的买家没有网络标识，再次出现时补上。',
    en: 'The key participants share for buyer identities (base64, at least 32 bytes); sealed at rest, only its fingerprint is shown. Buyers seen before it was set get an identity when seen again.',
  },
  notSet: { zh: '未设置', en: 'Not set' },
  setKey: { zh: '设置密钥', en: 'Set key' },
  saved: { zh: '已保存', en: 'Saved' },
  subscriptions: { zh: '订阅的信号源', en: 'Subscribed feeds' },
  name: { zh: '名称', en: 'Name' },
  url: { zh: '信号源地址', en: 'Feed URL' },
  key: { zh: '发布方公钥', en: "Publisher's public key" },
  subscribe: { zh: '订阅', en: 'Subscribe' },
  subscribed: { zh: '已订阅，正在拉取', en: 'Subscribed; pulling' },
  status: { zh: '状态', en: 'Status' },
  lastSeq: { zh: '已验证到', en: 'Verified up to' },
  signals: { zh: '有效信号 / 已撤回', en: 'Live signals / retracted' },
  lastPulled: { zh: '上次拉取', en: 'Last pulled' },
  lastError: { zh: '最近错误', en: 'Last error' },
  pull: { zh: '立即拉取', en: 'Pull now' },
  queued: { zh: '已排队拉取', en: 'Pull queued' },
  remove: { zh: '取消订阅', en: 'Unsubscribe' },
  removeConfirm: { zh: '取消后该信号源的信号立即不再计入。', en: 'Its signals stop counting at once.' },
  none: { zh: '暂无订阅', en: 'No subscriptions' },
  reload: { zh: '刷新', en: 'Reload' },
} as const;

const STATUS_TEXT: Readonly<Record<Status, { zh: string; en: string }>> = {
  active: { zh: '正常', en: 'Verified' },
  rejected: { zh: '已拒绝（验证失败）', en: 'Rejected (verification failed)' },
  unreachable: { zh: '无法获取', en: 'Unreachable' },
};
const STATUS_COLOURS: Readonly<Record<Status, string>> = { active: 'green', rejected: 'red', unreachable: 'orange' };

function OwnFeed() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const settings = useLoad(() => call<Settings>('GET', '/feed-settings'), 'settings');
  const [keyForm] = Form.useForm<{ key: string }>();
  const s = settings.data;
  const togglePublishing = async (enabled: boolean) => {
    try {
      await call('PUT', '/feed-settings/publishing', { enabled });
      settings.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const setKey = async () => {
    const v = await keyForm.validateFields();
    try {
      await call('PUT', '/feed-settings/network-key', { key: v.key.trim() });
      keyForm.resetFields();
      void message.success(pick(W.saved));
      settings.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const address = s?.feedPath ? `${window.location.origin}${s.feedPath}` : null;
  return (
    <Card title={pick(W.publish)}>
      {settings.error ? <Alert type="error" message={errorText(settings.error, pick)} /> : null}
      {s ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Switch checked={s.publishing} onChange={(v) => void togglePublishing(v)} aria-label={pick(W.publishing)} />
            <Typography.Text>{pick(W.publishing)}</Typography.Text>
          </Space>
          <Typography.Text type="secondary">{pick(W.publishHint)}</Typography.Text>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={pick(W.address)}>
              {address ? (
                <Typography.Text copyable code data-testid="feed-address">
                  {address}
                </Typography.Text>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={pick(W.publicKey)}>
              {s.publicKey ? (
                <Typography.Text copyable code data-testid="feed-public-key">
                  {s.publicKey}
                </Typography.Text>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={pick(W.fingerprint)}>
              {s.fingerprint ? <Typography.Text code>{s.fingerprint}</Typography.Text> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={pick(W.entries)}>{s.head.seq}</Descriptions.Item>
            <Descriptions.Item label={pick(W.networkKey)}>
              {s.networkKey.fingerprint ? (
                <Typography.Text code>{s.networkKey.fingerprint}</Typography.Text>
              ) : (
                pick(W.notSet)
              )}
            </Descriptions.Item>
          </Descriptions>
          {s.publicKey ? <Alert type="info" showIcon message={pick(W.fingerprintHint)} /> : null}
          <Form form={keyForm} layout="inline" onFinish={() => void setKey()}>
            <Form.Item name="key" label={pick(W.networkKey)} rules={[{ required: true, min: 43 }]}>
              <Input.Password style={{ width: 360 }} autoComplete="off" />
            </Form.Item>
            <Button htmlType="submit">{pick(W.setKey)}</Button>
          </Form>
          <Typography.Text type="secondary">{pick(W.networkKeyHint)}</Typography.Text>
        </Space>
      ) : null}
    </Card>
  );
}

function Subscriptions() {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => call<{ items: Subscription[] }>('GET', '/feed-subscriptions'), 'subs');
  const [form] = Form.useForm<{ name: string; url: string; publicKey: string }>();
  const subscribe = async () => {
    const v = await form.validateFields();
    try {
      await call('POST', '/feed-subscriptions', {
        name: v.name.trim(),
        url: v.url.trim(),
        publicKey: v.publicKey.trim(),
      });
      form.resetFields();
      void message.success(pick(W.subscribed));
      list.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const act = async (method: 'POST' | 'DELETE', path: string, done: { zh: string; en: string } | null) => {
    try {
      await call(method, path);
      if (done) void message.success(pick(done));
      list.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  return (
    <Card
      title={pick(W.subscriptions)}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={pick(W.reload)} />}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form form={form} layout="vertical" onFinish={() => void subscribe()} style={{ maxWidth: 640 }}>
          <Form.Item name="name" label={pick(W.name)} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="url" label={pick(W.url)} rules={[{ required: true, max: 500 }]}>
            <Input placeholder="https://example.com/api/v1/feeds/…" />
          </Form.Item>
          <Form.Item name="publicKey" label={pick(W.key)} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {pick(W.subscribe)}
          </Button>
        </Form>
        {list.error ? <Alert type="error" message={errorText(list.error, pick)} /> : null}
        <Table<Subscription>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: pick(W.none) }}
          columns={[
            {
              title: pick(W.name),
              render: (_, s) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.fingerprint}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: pick(W.status),
              width: 170,
              render: (_, s) => <Tag color={STATUS_COLOURS[s.status]}>{pick(STATUS_TEXT[s.status])}</Tag>,
            },
            { title: pick(W.lastSeq), dataIndex: 'lastSeq', width: 90 },
            { title: pick(W.signals), width: 130, render: (_, s) => `${s.signals} / ${s.retracted}` },
            { title: pick(W.lastPulled), width: 160, render: (_, s) => dateTime(s.lastPulledAt, lang) },
            {
              title: pick(W.lastError),
              render: (_, s) =>
                s.lastError ? <Typography.Text type="danger">{pick(s.lastError.text)}</Typography.Text> : '—',
            },
            {
              title: '',
              width: 200,
              render: (_, s) => (
                <Space>
                  <Button size="small" onClick={() => void act('POST', `/feed-subscriptions/${s.id}/pull`, W.queued)}>
                    {pick(W.pull)}
                  </Button>
                  <Popconfirm
                    title={pick(W.removeConfirm)}
                    onConfirm={() => void act('DELETE', `/feed-subscriptions/${s.id}`, null)}
                  >
                    <Button size="small" danger>
                      {pick(W.remove)}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export default function FeedsPage() {
  const { pick } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>{pick(W.title)}</Typography.Title>
      <Typography.Paragraph type="secondary">{pick(W.intro)}</Typography.Paragraph>
      <OwnFeed />
      <Subscriptions />
    </Space>
  );
}
