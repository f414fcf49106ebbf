/**
 * Pieces of one repair order shown to dispatchers and technicians alike: the masked contact with its audited
 * reveal, the SLA timers, the history with each dispatch explanation, and the visit record with photos and audio.
 */
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { dateTime, yuan } from '../../app/format';
import { useI18n } from '../../i18n/i18n';
import { call, type HistoryEntry, type RepairOrder } from './service-api';
import { errorText, explanationLines, RepairStatusTag, SlaTimerTag, useNetworkNames } from './service-ui';

export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

/** Asks the server for the full contact (it audits the reveal) and returns it. */
export async function revealContact(orderId: string): Promise<Contact> {
  const answer = await call<Contact | { customer: Contact }>('POST', `/repair-orders/${orderId}/contact/reveal`, {});
  return 'customer' in answer ? answer.customer : answer;
}

/** The customer's name, phone and address: masked, with a reveal button when the reader may reveal. */
export function ContactBlock({ order, canReveal }: { readonly order: RepairOrder; readonly canReveal: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = revealed ?? { name: order.customerNameMasked, phone: order.customerPhoneMasked, address: '' };
  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(await revealContact(order.id));
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size={2}>
      <span data-testid="contact-name">{shown.name}</span>
      <a href={revealed ? `tel:${revealed.phone}` : undefined} data-testid="contact-phone">
        {shown.phone}
      </a>
      {shown.address && <span data-testid="contact-address">{shown.address}</span>}
      {revealed ? (
        <Typography.Text type="warning">{t('svc.order.revealed')}</Typography.Text>
      ) : (
        canReveal && (
          <Button size="small" icon={<EyeOutlined />} onClick={() => void reveal()} loading={busy}>
            {t('svc.order.reveal')}
          </Button>
        )
      )}
    </Space>
  );
}

export function TimersBlock({ order, now }: { readonly order: RepairOrder; readonly now: number }) {
  const { t } = useI18n();
  const timers = order.slaTimers ?? [];
  if (timers.length === 0) return <Typography.Text type="secondary">{t('svc.order.noTimers')}</Typography.Text>;
  return (
    <Space wrap>
      {timers.map((timer) => (
        <SlaTimerTag key={timer.kind} timer={timer} now={now} />
      ))}
    </Space>
  );
}

/** Who did it, in words: a technician by name, the customer, staff, the system. */
function useActorText(): (entry: HistoryEntry) => string {
  const { t } = useI18n();
  const names = useNetworkNames();
  return (entry) => {
    const [kind, id = ''] = entry.actor.split(':');
    if (kind === 'customer') return t('svc.actor.customer');
    if (kind === 'user') return names.technicianByUser(id) ?? t('svc.actor.staff');
    return t('svc.order.system');
  };
}

export function HistoryBlock({ order }: { readonly order: RepairOrder }) {
  const { t, lang } = useI18n();
  const actorText = useActorText();
  const history = order.history ?? [];
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={history.map((h, i) => {
        const lines = explanationLines(h.explanation, lang);
        const eventName = h.event;
        return {
          key: i,
          children: (
            <div data-testid="history-entry">
              <Space wrap size={6}>
                <RepairStatusTag status={h.toStatus as RepairOrder['status']} />
                {eventName && (
                  <Typography.Text strong>
                    {isKnownEvent(eventName) ? t(`svc.event.${eventName}`) : eventName}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {dateTime(h.at, lang)} · {actorText(h)}
                </Typography.Text>
              </Space>
              {lines.length > 0 && (
                <div className="svc-explain-block" aria-label={t('svc.order.explanation')}>
                  {lines.map((line, k) => (
                    <div key={k} className="svc-explain">
                      {line}
                    </div>
                  ))}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

const EVENTS = [
  'intake',
  'assign',
  'visit_recorded',
  'accept',
  'call_customer',
  'depart',
  'arrive',
  'complete',
  'parts_needed',
  'reschedule',
  'close',
  'cancel',
] as const;
function isKnownEvent(e: string): e is (typeof EVENTS)[number] {
  return (EVENTS as readonly string[]).includes(e);
}

export function mediaUrl(order: RepairOrder, mediaId: string): string {
  return `/api/v1/repair-orders/${order.id}/visit/media/${mediaId}`;
}

export function VisitBlock({ order }: { readonly order: RepairOrder }) {
  const { t, lang } = useI18n();
  const photos = (order.media ?? []).filter((m) => m.kind === 'photo');
  const audio = (order.media ?? []).filter((m) => m.kind === 'audio');
  if (!order.visit && photos.length + audio.length === 0)
    return <Typography.Text type="secondary">{t('svc.order.noVisit')}</Typography.Text>;
  // Media may come before the visit is first saved: an empty record until then.
  const visit = order.visit ?? {
    checkedInAt: null,
    checkedOutAt: null,
    notes: null,
    parts: [],
    feeFen: 0,
    confirmedAt: null,
    rating: null,
    ratingComment: null,
  };
  const parts = visit.parts;
  const fees = visit.feeFen + parts.reduce((sum, p) => sum + p.priceFen * p.quantity, 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('svc.order.checkIn')}>{dateTime(visit.checkedInAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.order.checkOut')}>{dateTime(visit.checkedOutAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.order.notes')} span={2}>
          {visit.notes || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.order.fees')}>{t('common.yuan', { amount: yuan(fees) })}</Descriptions.Item>
        <Descriptions.Item label={t('svc.order.confirmed')}>
          {visit.confirmedAt ? (
            <Space>
              {dateTime(visit.confirmedAt, lang)}
              {visit.rating ? <Tag color="gold">{'★'.repeat(visit.rating)}</Tag> : null}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {parts.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey={(p) => p.name}
          dataSource={parts}
          columns={[
            { title: t('tech.partName'), dataIndex: 'name' },
            { title: t('tech.partQty'), dataIndex: 'quantity' },
            {
              title: t('tech.partPrice'),
              dataIndex: 'priceFen',
              render: (fen: number) => yuan(fen),
            },
          ]}
        />
      )}
      {(photos.length > 0 || audio.length > 0) && (
        <div aria-label={t('svc.order.media')} className="svc-media">
          {photos.map((m, i) => (
            <a key={m.id} href={mediaUrl(order, m.id)} target="_blank" rel="noreferrer">
              <img src={mediaUrl(order, m.id)} alt={t('svc.order.photo', { n: i + 1 })} />
            </a>
          ))}
          {audio.map((m, i) => (
            <audio
              key={m.id}
              controls
              preload="none"
              src={mediaUrl(order, m.id)}
              aria-label={t('svc.order.audio', { n: i + 1 })}
            />
          ))}
        </div>
      )}
    </Space>
  );
}

/** The order's facts (customer, area, product, booking). */
export function FactsBlock({
  order,
  canReveal,
  areaFullName,
}: {
  readonly order: RepairOrder;
  readonly canReveal: boolean;
  readonly areaFullName?: string;
}) {
  const { t } = useI18n();
  const names = useNetworkNames();
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('svc.order.customer')}>
          <ContactBlock order={order} canReveal={canReveal} />
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.order.area')}>
          {areaFullName ?? order.areaName ?? order.areaCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.order.product')}>
          <Space wrap size={4}>
            {order.productLine}
            {order.serial && <Typography.Text code>{order.serial}</Typography.Text>}
            <Tag
              color={
                order.warrantyStatus === 'in_warranty'
                  ? 'green'
                  : order.warrantyStatus === 'expired'
                    ? 'red'
                    : 'default'
              }
            >
              {t(`svc.warranty.${order.warrantyStatus}`)}
            </Tag>
            {order.freeInspection && <Tag color="cyan">{t('svc.intake.freeInspection')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.intake.fault')}>
          {t(`svc.fault.${order.faultCategory}`)}
          {order.description ? `：${order.description}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.order.booked')}>
          {order.bookedDate ?? order.preferredDate} {t(`svc.slot.${order.bookedSlot ?? order.preferredSlot}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.order.technician')}>
          {names.technician(order.technicianId) ?? '—'}
          {order.outletId ? ` · ${names.outlet(order.outletId) ?? ''}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.order.channel')}>{t(`svc.channel.${order.channel}`)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
