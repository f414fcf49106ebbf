/** One complaint: facts, timers, the staff's actions (acknowledge, start, resolve, close), contacts log, history. */
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { dateTime } from '../../app/format';
import { useSession } from '../../app/session';
import { useLoad, useNow } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call } from '../service/service-api';
import { errorText, useNetworkNames } from '../service/service-ui';
import {
  CHANNEL_TEXT,
  CONTACT_TEXT,
  EVENT_TEXT,
  LEVEL_TEXT,
  SUBJECT_TEXT,
  W,
  type ComplaintDetail,
} from './complaint-api';
import { ComplaintStatusTag, ComplaintTimerTag } from './complaint-ui';

type StaffEvent = 'acknowledge' | 'start' | 'resolve' | 'close';

const levelOf = (level: unknown) => (typeof level === 'string' ? LEVEL_TEXT[level] : undefined);

export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const roles: readonly string[] = user?.roles ?? [];
  const mayHandle = roles.includes('admin') || roles.includes('dispatcher');
  const now = useNow(15_000);
  const complaint = useLoad(() => call<ComplaintDetail>('GET', `/complaints/${id}`), `${id}:${now}`);
  const [resolution, setResolution] = useState('');
  const [upheld, setUpheld] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [contactForm] = Form.useForm<{
    kind: 'call' | 'message' | 'visit';
    direction: 'outbound' | 'inbound';
    notes: string;
  }>();

  const mayReveal = mayHandle;
  const names = useNetworkNames();
  const [revealed, setRevealed] = useState<{ name: string; phone: string } | null>(null);
  const reveal = async () => {
    try {
      setRevealed(await call<{ name: string; phone: string }>('POST', `/complaints/${id}/contact/reveal`));
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const send = async (event: StaffEvent) => {
    try {
      await call('POST', `/complaints/${id}/events`, {
        event,
        ...(event === 'resolve' ? { resolution, ...(upheld === null ? {} : { upheld }) } : {}),
        ...(note.trim() ? { note } : {}),
      });
      setNote('');
      complaint.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const addContact = async () => {
    const v = await contactForm.validateFields();
    try {
      await call('POST', `/complaints/${id}/contacts`, v);
      contactForm.resetFields(['notes']);
      complaint.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };

  if (complaint.error && !complaint.data)
    return <Alert type="error" showIcon message={pick(W.notFound)} description={errorText(complaint.error, pick)} />;
  if (!complaint.data) return <Spin />;
  const c = complaint.data;
  const allowed = c.allowedEvents as readonly StaffEvent[];
  return (
    <>
      <div className="pd-page-head">
        <Typography.Title level={3}>
          <Space wrap>
            {pick(W.detail)} {c.number}
            <ComplaintStatusTag status={c.status} />
            {c.timers.map((timer) => (
              <ComplaintTimerTag key={timer.kind} timer={timer} now={now} />
            ))}
          </Space>
        </Typography.Title>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={pick(W.subject)}>
                {pick(SUBJECT_TEXT[c.subjectType])} ·{' '}
                {(c.subjectType === 'technician' ? names.technician(c.subjectId) : null) ??
                  (c.subjectType === 'outlet' ? names.outlet(c.subjectId) : null) ?? (
                    <Typography.Text code>{c.subjectId}</Typography.Text>
                  )}
              </Descriptions.Item>
              {c.repairOrderId ? (
                <Descriptions.Item label={pick(W.repairOrder)}>
                  <Link to={`/service/orders/${c.repairOrderId}`}>{c.repairOrderId}</Link>
                </Descriptions.Item>
              ) : null}
              {c.outletId || c.technicianId ? (
                <Descriptions.Item label={pick(W.weighsOn)}>
                  {[names.outlet(c.outletId), names.technician(c.technicianId)].filter(Boolean).join(' · ') ||
                    pick(W.none)}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={pick(W.channel)}>{pick(CHANNEL_TEXT[c.channel])}</Descriptions.Item>
              <Descriptions.Item label={pick(W.contact)}>
                <Space wrap>
                  {revealed ? (
                    <>
                      {revealed.name} <a href={`tel:${revealed.phone}`}>{revealed.phone}</a>
                    </>
                  ) : (
                    (c.contactMasked ?? pick(W.none))
                  )}
                  {c.contactMasked && mayReveal && !revealed ? (
                    <Button size="small" onClick={() => void reveal()}>
                      {pick(W.reveal)}
                    </Button>
                  ) : null}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={pick(W.filedAt)}>{dateTime(c.createdAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={pick(W.description)}>{c.description}</Descriptions.Item>
              {c.resolution ? (
                <Descriptions.Item label={pick(W.resolution)}>
                  {c.resolution} ({pick(c.upheld ? W.upheld : W.notUpheld)})
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={pick(W.reopenCount)}>{c.reopenCount}</Descriptions.Item>
            </Descriptions>
          </Card>
          {mayHandle && allowed.length > 0 ? (
            <Card size="small" title={pick(W.actions)} style={{ marginTop: 16 }} data-testid="complaint-actions">
              <Space direction="vertical" style={{ width: '100%' }}>
                {allowed.includes('resolve') ? (
                  <>
                    <Input.TextArea
                      rows={3}
                      value={resolution}
                      onChange={(e) => setResolution(e.target.value)}
                      placeholder={pick(W.resolution)}
                      aria-label={pick(W.resolution)}
                    />
                    <Radio.Group value={upheld} onChange={(e) => setUpheld(e.target.value as boolean)}>
                      <Radio value={true}>{pick(W.upheld)}</Radio>
                      <Radio value={false}>{pick(W.notUpheld)}</Radio>
                    </Radio.Group>
                  </>
                ) : null}
                <Input
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={pick(W.note)}
                  aria-label={pick(W.note)}
                />
                <Space wrap>
                  {allowed.map((event) => (
                    <Button
                      key={event}
                      type={event === 'acknowledge' || event === 'resolve' ? 'primary' : 'default'}
                      onClick={() => void send(event)}
                    >
                      {pick(EVENT_TEXT[event]!)}
                    </Button>
                  ))}
                </Space>
              </Space>
            </Card>
          ) : null}
          <Card size="small" title={pick(W.contacts)} style={{ marginTop: 16 }} data-testid="complaint-contacts">
            <Timeline
              items={c.contacts.map((k) => ({
                children: (
                  <>
                    <Typography.Text strong>
                      {pick(CONTACT_TEXT[k.kind] ?? { zh: k.kind, en: k.kind })} ·{' '}
                      {pick(k.direction === 'inbound' ? W.inbound : W.outbound)}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">{dateTime(k.at, lang)}</Typography.Text>
                    <div>{k.notes}</div>
                  </>
                ),
              }))}
            />
            <Form form={contactForm} layout="inline" initialValues={{ kind: 'call', direction: 'outbound' }}>
              <Form.Item name="kind">
                <Radio.Group
                  optionType="button"
                  options={Object.entries(CONTACT_TEXT).map(([value, text]) => ({ value, label: pick(text) }))}
                />
              </Form.Item>
              <Form.Item name="direction">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'outbound', label: pick(W.outbound) },
                    { value: 'inbound', label: pick(W.inbound) },
                  ]}
                />
              </Form.Item>
              <Form.Item name="notes" rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 200 }}>
                <Input placeholder={pick(W.contactNotes)} aria-label={pick(W.contactNotes)} />
              </Form.Item>
              <Button onClick={() => void addContact()}>{pick(W.addContact)}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={pick(W.history)} data-testid="complaint-history">
            <Timeline
              items={c.events.map((e) => ({
                color: e.event === 'escalate' ? 'red' : undefined,
                children: (
                  <>
                    <Typography.Text strong>
                      {pick(EVENT_TEXT[e.event] ?? { zh: e.event, en: e.event })}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">{dateTime(e.at, lang)}</Typography.Text>
                    <div className="pd-muted">{e.actor}</div>
                    {typeof e.data.note === 'string' ? <div>{e.data.note}</div> : null}
                    {levelOf(e.data.level) ? <div>→ {pick(levelOf(e.data.level)!)}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={pick(W.escalations)} style={{ marginTop: 16 }} data-testid="complaint-escalations">
            {c.escalations.length === 0 ? (
              <Typography.Text type="secondary">{pick(W.none)}</Typography.Text>
            ) : (
              <Space direction="vertical">
                {c.escalations.map((x) => (
                  <Alert key={x.id} type="error" showIcon message={pick(x.message)} data-level={x.level} />
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
