/**
 * The technician's view, made for a phone: today's jobs, then one job at a time with the next step as a big button
 * (accept, call, depart, arrive), the visit record (notes, photos and audio, parts and fees), check-out, and the
 * customer's confirmation.
 */
import { AudioOutlined, CameraOutlined, DeleteOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Empty, Input, InputNumber, List, Space, Spin, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { uploadPhoto } from '../../api/upload';
import { useLoad, useNow } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { ContactBlock, revealContact, TimersBlock, VisitBlock, type Contact } from './order-view';
import {
  call,
  itemsOf,
  query,
  shanghaiDate,
  SLOTS,
  type RepairEvent,
  type RepairOrder,
  type VisitPart,
} from './service-api';
import { errorText, leadTimer, RepairStatusTag, SlaTimerTag, SlotName, useAreaNames } from './service-ui';
import './service.css';
import { TechnicianQr } from '../care/official-tech-qr';
import { CoverageCard } from '../care/plan-coverage-card';

/** The next steps a technician can take from each state, first one primary. */
const NEXT: Partial<Record<RepairOrder['status'], readonly RepairEvent[]>> = {
  assigned: ['accept'],
  accepted: ['depart'],
  on_the_way: ['arrive'],
  on_site: [],
};

function TechList() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const now = useNow(5_000);
  const date = shanghaiDate();
  // A technician sees only their own orders: every open one, today's first, then by day and slot.
  const jobs = useLoad(
    () => call<unknown>('GET', `/repair-orders${query({ limit: 100 })}`).then(itemsOf<RepairOrder>),
    date,
  );
  const slotRank = (o: RepairOrder) => SLOTS.indexOf(o.bookedSlot ?? o.preferredSlot);
  const list = (jobs.data ?? [])
    .filter((o) => !['closed', 'cancelled'].includes(o.status))
    .sort(
      (a, b) =>
        (a.bookedDate ?? a.preferredDate).localeCompare(b.bookedDate ?? b.preferredDate) || slotRank(a) - slotRank(b),
    );
  const names = useAreaNames(list.map((o) => o.areaCode));
  return (
    <div className="tech-page">
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {t('tech.title')}
      </Typography.Title>
      <Typography.Text className="pd-muted">{t('tech.subtitle')}</Typography.Text>
      {jobs.error ? <Alert type="error" message={errorText(jobs.error, pick)} /> : null}
      {jobs.loading && !jobs.data ? <Spin /> : null}
      {jobs.data && list.length === 0 && <Empty description={t('tech.none')} />}
      <List
        dataSource={list}
        split={false}
        renderItem={(o) => {
          const timer = leadTimer(o.slaTimers);
          return (
            <List.Item>
              <Card size="small" className="tech-job" data-testid="tech-job" data-number={o.number}>
                <div className="tech-job-top">
                  <Typography.Text strong>
                    {(o.bookedDate ?? o.preferredDate) === date ? t('tech.today') : (o.bookedDate ?? o.preferredDate)}{' '}
                    <SlotName slot={o.bookedSlot ?? o.preferredSlot} />
                  </Typography.Text>
                  <RepairStatusTag status={o.status} />
                </div>
                <div className="tech-job-fault">{t(`svc.fault.${o.faultCategory}`)}</div>
                <div className="pd-muted">{names[o.areaCode]?.fullName ?? o.areaCode}</div>
                <div className="pd-muted">
                  {o.customerNameMasked} · {o.customerPhoneMasked}
                </div>
                <div className="tech-job-bottom">
                  {timer ? <SlaTimerTag timer={timer} now={now} /> : <span />}
                  <Button
                    type="primary"
                    aria-label={`${t('tech.open')} ${o.number}`}
                    onClick={() => void navigate(`/tech/${o.id}`)}
                  >
                    {t('tech.open')}
                  </Button>
                </div>
              </Card>
            </List.Item>
          );
        }}
      />
    </div>
  );
}

interface PartRow extends VisitPart {
  readonly key: number;
}

function VisitForm({ order, onSaved }: { readonly order: RepairOrder; readonly onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [notes, setNotes] = useState(order.visit?.notes ?? '');
  const [parts, setParts] = useState<PartRow[]>((order.visit?.parts ?? []).map((p, key) => ({ ...p, key })));
  const [labor, setLabor] = useState<number | null>(order.visit ? order.visit.feeFen / 100 : null);
  const [busy, setBusy] = useState<string | null>(null);
  const photo = useRef<HTMLInputElement>(null);
  const audio = useRef<HTMLInputElement>(null);

  /** Check-in is the arrival recorded in the history (or now); check-out is now. */
  const arrivedAt =
    order.visit?.checkedInAt ?? [...(order.history ?? [])].reverse().find((h) => h.event === 'arrive')?.at;
  const body = (checkOut: boolean) => ({
    notes,
    ...(arrivedAt ? { checkedInAt: arrivedAt } : {}),
    parts: parts
      .filter((p) => p.name.trim())
      .map((p) => ({ name: p.name.trim(), quantity: p.quantity, priceFen: p.priceFen })),
    feeFen: Math.round((labor ?? 0) * 100),
    ...(checkOut ? { checkedOutAt: new Date().toISOString() } : {}),
  });

  const save = async (checkOut: boolean) => {
    setBusy(checkOut ? 'checkout' : 'save');
    try {
      await call('PUT', `/repair-orders/${order.id}/visit`, body(checkOut));
      if (checkOut) await call('POST', `/repair-orders/${order.id}/events`, { event: 'complete' });
      void message.success(t('tech.saved'));
      onSaved();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  const upload = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setBusy('upload');
      try {
        await uploadPhoto(`/api/v1/repair-orders/${order.id}/visit/media`, file, () => undefined);
        void message.success(t('tech.uploaded', { name: file.name }));
      } catch (e) {
        void message.error(errorText(e, pick));
      } finally {
        setBusy(null);
      }
    }
    onSaved();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={t('tech.notes')}
        placeholder={t('tech.notes')}
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="tech-uploads">
        <input
          ref={photo}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          aria-label={t('tech.addPhoto')}
          data-testid="visit-photo-input"
          onChange={(e) => void upload(e.target.files)}
        />
        <input
          ref={audio}
          type="file"
          accept="audio/*,.m4a,.mp3,.amr,.wav,.ogg"
          hidden
          aria-label={t('tech.addAudio')}
          data-testid="visit-audio-input"
          onChange={(e) => void upload(e.target.files)}
        />
        <Button icon={<CameraOutlined />} block onClick={() => photo.current?.click()} loading={busy === 'upload'}>
          {t('tech.addPhoto')}
        </Button>
        <Button icon={<AudioOutlined />} block onClick={() => audio.current?.click()}>
          {t('tech.addAudio')}
        </Button>
      </div>
      {parts.map((p, i) => (
        <Space.Compact key={p.key} block>
          <Input
            aria-label={t('tech.partName')}
            placeholder={t('tech.partName')}
            value={p.name}
            onChange={(e) => setParts(parts.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
          />
          <InputNumber
            aria-label={t('tech.partQty')}
            min={1}
            value={p.quantity}
            style={{ width: 64 }}
            onChange={(v) => setParts(parts.map((x, j) => (j === i ? { ...x, quantity: v ?? 1 } : x)))}
          />
          <InputNumber
            aria-label={t('tech.partPrice')}
            min={0}
            step={1}
            value={p.priceFen / 100}
            style={{ width: 96 }}
            onChange={(v) =>
              setParts(parts.map((x, j) => (j === i ? { ...x, priceFen: Math.round((v ?? 0) * 100) } : x)))
            }
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('tech.removePart')}
            onClick={() => setParts(parts.filter((_, j) => j !== i))}
          />
        </Space.Compact>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => setParts([...parts, { key: Date.now(), name: '', quantity: 1, priceFen: 0 }])}
      >
        {t('tech.addPart')}
      </Button>
      <InputNumber
        aria-label={t('tech.labor')}
        placeholder={t('tech.labor')}
        addonBefore={t('tech.labor')}
        min={0}
        value={labor}
        onChange={setLabor}
        style={{ width: '100%' }}
      />
      <Button block onClick={() => void save(false)} loading={busy === 'save'}>
        {t('tech.save')}
      </Button>
      <Button type="primary" size="large" block onClick={() => void save(true)} loading={busy === 'checkout'}>
        {t('tech.checkout')}
      </Button>
    </Space>
  );
}

function TechJob({ id }: { readonly id: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const now = useNow(5_000);
  const job = useLoad(() => call<RepairOrder>('GET', `/repair-orders/${id}`), id);
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const names = useAreaNames(job.data ? [job.data.areaCode] : []);

  const send = async (event: RepairEvent) => {
    setBusy(event);
    try {
      await call('POST', `/repair-orders/${id}/events`, { event });
      job.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  /** Reveals the customer's phone for this own order (audited) and records the call. */
  const callCustomer = async () => {
    setBusy('call');
    try {
      const full = await revealContact(id);
      setContact(full);
      if (job.data?.status === 'assigned')
        await call('POST', `/repair-orders/${id}/events`, { event: 'call_customer' });
      job.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  if (job.error) return <Alert type="error" showIcon message={errorText(job.error, pick)} />;
  if (!job.data) return <Spin />;
  const o = job.data;
  const next = NEXT[o.status] ?? [];
  return (
    <div className="tech-page">
      <Button type="link" onClick={() => void navigate('/tech')} style={{ paddingInline: 0 }}>
        ← {t('tech.back')}
      </Button>
      <Card size="small" className="tech-job">
        <div className="tech-job-top">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {o.number}
          </Typography.Title>
          <RepairStatusTag status={o.status} />
        </div>
        <div className="tech-job-fault">
          {t(`svc.fault.${o.faultCategory}`)} · {o.productLine} <Tag>{t(`svc.warranty.${o.warrantyStatus}`)}</Tag>
        </div>
        {o.description && <div>{o.description}</div>}
        <div className="pd-muted">
          {o.bookedDate ?? o.preferredDate} <SlotName slot={o.bookedSlot ?? o.preferredSlot} />
        </div>
        <div className="pd-muted">{names[o.areaCode]?.fullName ?? o.areaCode}</div>
        <div style={{ margin: '8px 0' }}>
          {contact ? (
            <Space direction="vertical" size={2}>
              <span>{contact.name}</span>
              <a href={`tel:${contact.phone}`} className="tech-tel">
                <PhoneOutlined /> {contact.phone}
              </a>
              <span>{contact.address}</span>
            </Space>
          ) : (
            <ContactBlock order={o} canReveal={false} />
          )}
        </div>
        <TimersBlock order={o} now={now} />
      </Card>
      <TechnicianQr orderId={o.id} status={o.status} />
      <div className="tech-actions">
        {!['completed', 'closed', 'cancelled'].includes(o.status) && (
          <Button
            size="large"
            block
            icon={<PhoneOutlined />}
            onClick={() => void callCustomer()}
            loading={busy === 'call'}
          >
            {t('tech.call')}
          </Button>
        )}
        {next.map((event, i) => (
          <Button
            key={event}
            size="large"
            block
            type={i === 0 ? 'primary' : 'default'}
            loading={busy === event}
            onClick={() => void send(event)}
          >
            {t(`svc.event.${event}`)}
          </Button>
        ))}
      </div>
      {o.status === 'on_site' && (
        <Card size="small" title={t('svc.order.visit')}>
          <VisitForm order={o} onSaved={job.reload} />
          <Button
            block
            danger
            style={{ marginTop: 8 }}
            onClick={() => void send('parts_needed')}
            loading={busy === 'parts_needed'}
          >
            {t('svc.event.parts_needed')}
          </Button>
        </Card>
      )}
      {(o.visit || (o.media ?? []).length > 0) && (
        <Card size="small" title={o.status === 'on_site' ? t('svc.order.media') : t('svc.order.visit')}>
          <VisitBlock order={o} />
        </Card>
      )}
      <CoverageCard orderId={o.id} version={o.version} />
      {o.status === 'completed' && (
        <Card size="small" title={t('tech.confirm')}>
          <Typography.Paragraph>{t('tech.confirmHint')}</Typography.Paragraph>
        </Card>
      )}
    </div>
  );
}

export default function TechPage() {
  const { id } = useParams();
  return id ? <TechJob id={id} /> : <TechList />;
}
