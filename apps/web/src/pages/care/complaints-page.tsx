/**
 * The complaints queue: open complaints first with their acknowledge and resolve countdowns (working time, red once
 * breached, the escalation level reached), filters, the hotline agent's filing form, and the complaint rates per
 * outlet and technician for dispatchers.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { dateTime } from '../../app/format';
import { useSession } from '../../app/session';
import { useLoad, useNow } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, itemsOf, query } from '../service/service-api';
import { errorText } from '../service/service-ui';
import {
  CHANNEL_TEXT,
  SUBJECT_TEXT,
  W,
  type Complaint,
  type ComplaintDetail,
  type ComplaintRateReport,
  type ComplaintSubject,
} from './complaint-api';
import { ComplaintStatusTag, ComplaintTimerTag } from './complaint-ui';

type Filter = 'open' | 'breached' | 'all';

/** The most urgent first: the earliest due time of a timer still running (a breached one is past due), then the rest. */
function byUrgency(items: readonly Complaint[]): Complaint[] {
  const due = (c: Complaint) =>
    Math.min(
      ...c.timers
        .filter((t) => t.state === 'running' || (t.state === 'breached' && !t.stoppedAt))
        .map((t) => Date.parse(t.dueAt)),
    );
  return [...items].sort((a, b) => due(a) - due(b) || (a.createdAt < b.createdAt ? 1 : -1));
}

function FileDrawer({ open, onClose, onFiled }: { open: boolean; onClose: () => void; onFiled: () => void }) {
  const { pick } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{
    subjectType: ComplaintSubject;
    channel: 'hotline' | 'merchant';
    subjectId: string;
    description: string;
    name?: string;
    phone?: string;
  }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const res = await call<{ complaint: ComplaintDetail; linkToken: string }>('POST', '/complaints', {
        subjectType: v.subjectType,
        subjectId: v.subjectId.trim(),
        channel: v.channel,
        description: v.description,
        ...(v.name && v.phone ? { contact: { name: v.name, phone: v.phone } } : {}),
      });
      form.resetFields();
      onFiled();
      onClose();
      void message.success(`${pick(W.filed)} ${res.complaint.number}`);
      modal.info({
        title: res.complaint.number,
        content: (
          <Typography.Paragraph copyable>
            {pick(W.linkOnce)} {`${window.location.origin}/repair/complaint?token=${res.linkToken}`}
          </Typography.Paragraph>
        ),
      });
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={pick(W.file)} width={480} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ subjectType: 'repair_order', channel: 'hotline' }}>
        <Form.Item name="channel" label={pick(W.channel)}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'hotline', label: pick(CHANNEL_TEXT.hotline) },
              { value: 'merchant', label: pick(W.merchantChannel) },
            ]}
          />
        </Form.Item>
        <Form.Item name="subjectType" label={pick(W.subject)} rules={[{ required: true }]}>
          <Select
            options={Object.entries(SUBJECT_TEXT).map(([value, text]) => ({ value, label: pick(text) }))}
            aria-label={pick(W.subject)}
          />
        </Form.Item>
        <Form.Item name="subjectId" label={pick(W.subjectId)} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={pick(W.description)} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="name" label={pick(W.contactName)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={pick(W.contactPhone)}>
          <Input inputMode="tel" maxLength={40} />
        </Form.Item>
        <Space>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {pick(W.submit)}
          </Button>
          <Button onClick={onClose}>{pick(W.cancel)}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}

function RatesCard() {
  const { pick } = useI18n();
  const report = useLoad(() => call<ComplaintRateReport>('GET', '/complaints/report/rates'), 'rates');
  if (report.error) return null;
  const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const columns = [
    { title: '', dataIndex: 'name', key: 'name', render: (name: string | null, row: { id: string }) => name ?? row.id },
    { title: pick(W.orders), dataIndex: 'orders', key: 'orders' },
    { title: pick(W.complaints), dataIndex: 'complaints', key: 'complaints' },
    { title: pick(W.rate), dataIndex: 'rate', key: 'rate', render: pct },
  ];
  return (
    <Card title={pick(W.rates)} size="small" data-testid="complaint-rates">
      <Space align="start" wrap size="large">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => pick(W.technicians)}
          dataSource={report.data?.technicians ?? []}
          columns={columns}
        />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => pick(W.outlets)}
          dataSource={report.data?.outlets ?? []}
          columns={columns}
        />
      </Space>
    </Card>
  );
}

export default function ComplaintsPage() {
  const { pick, lang } = useI18n();
  const { user } = useSession();
  const roles: readonly string[] = user?.roles ?? [];
  const mayDispatch = roles.includes('admin') || roles.includes('dispatcher');
  const [filter, setFilter] = useState<Filter>('open');
  const [filing, setFiling] = useState(false);
  const now = useNow(30_000);
  const params = filter === 'open' ? { open: 'true' } : filter === 'breached' ? { breached: 'true' } : {};
  const list = useLoad(
    () => call<unknown>('GET', `/complaints${query({ ...params, limit: 200 })}`).then((d) => itemsOf<Complaint>(d)),
    `${filter}:${now}`,
  );
  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{pick(W.title)}</Typography.Title>
          <Typography.Text type="secondary">{pick(W.subtitle)}</Typography.Text>
        </div>
        <Space wrap>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'open', label: pick(W.openOnly) },
              { value: 'breached', label: pick(W.breachedOnly) },
              { value: 'all', label: pick(W.all) },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {pick(W.reload)}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
            {pick(W.file)}
          </Button>
        </Space>
      </div>
      {list.error ? <Alert type="error" showIcon message={errorText(list.error, pick)} /> : null}
      <Table<Complaint>
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={byUrgency(list.data ?? [])}
        locale={{ emptyText: pick(W.empty) }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        data-testid="complaint-queue"
        columns={[
          {
            title: pick(W.number),
            dataIndex: 'number',
            key: 'number',
            render: (number: string, c) => <Link to={`/care/complaints/${c.id}`}>{number}</Link>,
          },
          { title: pick(W.status), key: 'status', render: (_: unknown, c) => <ComplaintStatusTag status={c.status} /> },
          {
            title: pick(W.timers),
            key: 'timers',
            render: (_: unknown, c) => (
              <Space size={4} wrap>
                {c.timers.map((timer) => (
                  <ComplaintTimerTag key={timer.kind} timer={timer} now={now} />
                ))}
              </Space>
            ),
          },
          {
            title: pick(W.subject),
            key: 'subject',
            render: (_: unknown, c) => pick(SUBJECT_TEXT[c.subjectType]),
          },
          { title: pick(W.channel), key: 'channel', render: (_: unknown, c) => pick(CHANNEL_TEXT[c.channel]) },
          {
            title: pick(W.description),
            dataIndex: 'description',
            key: 'description',
            ellipsis: true,
          },
          { title: pick(W.filedAt), key: 'at', render: (_: unknown, c) => dateTime(c.createdAt, lang) },
        ]}
      />
      {mayDispatch ? <RatesCard /> : null}
      <FileDrawer open={filing} onClose={() => setFiling(false)} onFiled={list.reload} />
    </>
  );
}
