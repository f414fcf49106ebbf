/**
 * The dispatcher's board: one day's orders by region (prefecture, then county, named through the areas API) and slot
 * (上午/下午/晚上), the unassigned ones on top, SLA timers counting down (amber near the end, red once breached),
 * the escalations panel, the assign/reassign drawer with the dispatch engine's ranked candidates, and the phone
 * agent's intake form.
 */
import { LeftOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { App, Alert, Badge, Button, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { dateTime } from '../../app/format';
import { useLoad, useNow } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { AssignDrawer } from './assign-drawer';
import { IntakeDrawer } from './intake-drawer';
import { call, itemsOf, query, regionOf, shanghaiDate, SLOTS, type Escalation, type RepairOrder } from './service-api';
import {
  errorText,
  leadTimer,
  RepairStatusTag,
  SlaTimerTag,
  SlotName,
  useAreaNames,
  useNetworkNames,
} from './service-ui';
import './service.css';

const DAY = 86_400_000;
const LEVELS = ['dispatcher', 'outlet_manager', 'brand'] as const;
const isLevel = (level: string): level is (typeof LEVELS)[number] => (LEVELS as readonly string[]).includes(level);
const ENDED: readonly RepairOrder['status'][] = ['cancelled', 'closed'];

function shiftDate(date: string, days: number): string {
  return shanghaiDate(Date.parse(`${date}T12:00:00+08:00`) + days * DAY);
}

async function loadBoard(date: string): Promise<RepairOrder[]> {
  const [day, unassigned] = await Promise.all([
    call<unknown>('GET', `/repair-orders${query({ date, limit: 200 })}`),
    call<unknown>('GET', `/repair-orders${query({ status: 'reported', limit: 200 })}`),
  ]);
  const byId = new Map<string, RepairOrder>();
  for (const o of [...itemsOf<RepairOrder>(day), ...itemsOf<RepairOrder>(unassigned)]) byId.set(o.id, o);
  // The list carries no timers: read each open order's detail for its SLA timers (a day's board is small).
  const open = [...byId.values()].filter((o) => !ENDED.includes(o.status));
  const details = await Promise.all(open.map((o) => call<RepairOrder>('GET', `/repair-orders/${o.id}`).catch(() => o)));
  for (const d of details) byId.set(d.id, d);
  return [...byId.values()];
}

function OrderChip({
  order,
  now,
  onAssign,
  areaLabel,
  technician,
}: {
  readonly order: RepairOrder;
  readonly now: number;
  readonly onAssign: (o: RepairOrder) => void;
  readonly areaLabel: string;
  readonly technician: string | null;
}) {
  const { t } = useI18n();
  const timer = leadTimer(order.slaTimers);
  const canAssign = !['closed', 'cancelled', 'completed'].includes(order.status);
  return (
    <div className="svc-chip" data-testid="board-order" data-number={order.number}>
      <div className="svc-chip-top">
        <Link to={`/service/orders/${order.id}`} className="svc-chip-number">
          {order.number}
        </Link>
        <RepairStatusTag status={order.status} />
      </div>
      <div className="svc-chip-line">
        {t(`svc.fault.${order.faultCategory}`)} · {areaLabel}
      </div>
      <div className="svc-chip-line">
        {technician ?? <Typography.Text type="secondary">{t('svc.board.unassigned')}</Typography.Text>}
      </div>
      <div className="svc-chip-bottom">
        {timer ? <SlaTimerTag timer={timer} now={now} /> : <span />}
        {canAssign && (
          <Button size="small" type={order.technicianId ? 'default' : 'primary'} onClick={() => onAssign(order)}>
            {order.technicianId ? t('svc.board.reassign') : t('svc.board.assign')}
          </Button>
        )}
      </div>
    </div>
  );
}

export default function ServiceBoardPage() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const now = useNow(5_000);
  const [date, setDate] = useState(() => shanghaiDate());
  const [region, setRegion] = useState<string>('');
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [assigning, setAssigning] = useState<RepairOrder | null>(null);
  const orders = useLoad(() => loadBoard(date), date);
  const escalations = useLoad(
    () => call<unknown>('GET', `/service/escalations${query({ open: 'true' })}`).then(itemsOf<Escalation>),
    'escalations',
  );

  const all = orders.data ?? [];
  const codes = useMemo(() => {
    const set = new Set<string>();
    for (const o of all) {
      const r = regionOf(o.areaCode);
      set.add(r.prefecture);
      set.add(r.county);
      set.add(`${o.areaCode.slice(0, 2)}0000`);
    }
    return [...set];
  }, [all]);
  const names = useAreaNames(codes);
  const network = useNetworkNames();
  const nameOf = (code: string) => names[code]?.name ?? code;

  const visible = all
    .filter((o) => !ENDED.includes(o.status) || (o.bookedDate ?? o.preferredDate) === date)
    .filter((o) => !region || o.areaCode.startsWith(region.replace(/0+$/, '')));
  const unassigned = visible.filter((o) => o.status === 'reported');
  const booked = visible.filter((o) => o.status !== 'reported' && (o.bookedDate ?? o.preferredDate) === date);

  // Rows: prefecture, then county inside it.
  const rows = useMemo(() => {
    const map = new Map<string, Map<string, RepairOrder[]>>();
    for (const o of booked) {
      const r = regionOf(o.areaCode);
      const counties = map.get(r.prefecture) ?? new Map<string, RepairOrder[]>();
      counties.set(r.county, [...(counties.get(r.county) ?? []), o]);
      map.set(r.prefecture, counties);
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [booked]);

  const prefectures = [...new Set(all.map((o) => regionOf(o.areaCode).prefecture))].sort();
  const openEscalations = (escalations.data ?? []).filter((e) => !e.ackedAt);

  const ack = async (e: Escalation) => {
    try {
      await call('POST', `/service/escalations/${e.id}/ack`, {});
      escalations.reload();
    } catch (err) {
      void message.error(errorText(err, pick));
    }
  };

  /** The order's area without its province (广东省深圳市南山区 → 深圳市南山区). */
  const areaLabel = (o: RepairOrder) => {
    const province = names[`${o.areaCode.slice(0, 2)}0000`]?.fullName;
    return province && o.areaName.startsWith(province) && o.areaName !== province
      ? o.areaName.slice(province.length)
      : o.areaName;
  };
  /** A region row's name: the prefecture's, or (counties directly under a province, as in 海南) the province's. */
  const regionName = (prefecture: string) =>
    names[prefecture]?.name ?? names[`${prefecture.slice(0, 2)}0000`]?.name ?? prefecture;

  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('svc.board.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('svc.board.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('svc.board.prevDay')}
            onClick={() => setDate(shiftDate(date, -1))}
          />
          <Input
            type="date"
            aria-label={t('svc.board.date')}
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            style={{ width: 150 }}
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('svc.board.nextDay')}
            onClick={() => setDate(shiftDate(date, 1))}
          />
          <Select
            aria-label={t('svc.board.region')}
            value={region}
            style={{ minWidth: 160 }}
            onChange={setRegion}
            options={[
              { value: '', label: t('svc.board.allRegions') },
              ...prefectures.map((p) => ({ value: p, label: regionName(p) })),
            ]}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              orders.reload();
              escalations.reload();
            }}
          >
            {t('svc.board.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)}>
            {t('svc.board.newOrder')}
          </Button>
        </Space>
      </div>
      {orders.error ? <Alert type="error" showIcon message={errorText(orders.error, pick)} /> : null}
      <div className="svc-board">
        <div className="svc-board-main">
          <Card
            size="small"
            title={
              <Space>
                {t('svc.board.unassigned')}
                <Badge count={unassigned.length} showZero color={unassigned.length ? '#d46b08' : '#bfbfbf'} />
              </Space>
            }
            className="svc-unassigned"
          >
            {unassigned.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.board.noOrders')} />
            ) : (
              <div className="svc-chip-row" role="list" aria-label={t('svc.board.unassigned')}>
                {unassigned.map((o) => (
                  <div role="listitem" key={o.id}>
                    <OrderChip
                      order={o}
                      now={now}
                      onAssign={setAssigning}
                      areaLabel={areaLabel(o)}
                      technician={network.technician(o.technicianId)}
                    />
                    <div className="svc-chip-when">
                      {o.preferredDate} <SlotName slot={o.preferredSlot} />
                    </div>
                  </div>
                ))}
              </div>
            )}
          </Card>
          <div className="svc-grid" role="table" aria-label={t('svc.board.title')}>
            <div className="svc-grid-row svc-grid-head" role="row">
              <div role="columnheader">{t('svc.board.region')}</div>
              {SLOTS.map((s) => (
                <div role="columnheader" key={s}>
                  <SlotName slot={s} />
                </div>
              ))}
            </div>
            {rows.length === 0 && (
              <div className="svc-grid-empty">
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.board.noOrders')} />
              </div>
            )}
            {rows.flatMap(([prefecture, counties]) =>
              [...counties.entries()].map(([county, list]) => (
                <div className="svc-grid-row" role="row" key={county}>
                  <div role="rowheader" className="svc-grid-region">
                    <div className="svc-grid-pref">{regionName(prefecture)}</div>
                    <div className="pd-muted">{county === prefecture ? '' : nameOf(county)}</div>
                    <Tag>{t('svc.board.count', { count: list.length })}</Tag>
                  </div>
                  {SLOTS.map((s) => (
                    <div role="cell" key={s} className="svc-grid-cell">
                      {list
                        .filter((o) => (o.bookedSlot ?? o.preferredSlot) === s)
                        .map((o) => (
                          <OrderChip
                            key={o.id}
                            order={o}
                            now={now}
                            onAssign={setAssigning}
                            areaLabel={areaLabel(o)}
                            technician={network.technician(o.technicianId)}
                          />
                        ))}
                    </div>
                  ))}
                </div>
              )),
            )}
          </div>
        </div>
        <Card
          size="small"
          className="svc-escalations"
          title={
            <Space>
              {t('svc.board.escalations')}
              <Badge count={openEscalations.length} showZero color={openEscalations.length ? '#cf1322' : '#bfbfbf'} />
            </Space>
          }
        >
          {openEscalations.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.board.noEscalations')} />
          ) : (
            <List
              aria-label={t('svc.board.escalations')}
              dataSource={openEscalations}
              renderItem={(e) => (
                <List.Item
                  data-testid="escalation"
                  actions={[
                    <Button key="ack" size="small" onClick={() => void ack(e)}>
                      {t('svc.board.ack')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color="red">{isLevel(e.level) ? t(`svc.level.${e.level}`) : e.level}</Tag>
                        <Link to={`/service/orders/${e.orderId}`}>
                          {all.find((o) => o.id === e.orderId)?.number ?? t('svc.board.open')}
                        </Link>
                      </Space>
                    }
                    description={
                      <>
                        <div>{pick(e.message)}</div>
                        <div className="pd-muted">{dateTime(e.createdAt, lang)}</div>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
      <IntakeDrawer open={intakeOpen} onClose={() => setIntakeOpen(false)} onCreated={() => orders.reload()} />
      <AssignDrawer
        order={assigning}
        onClose={() => setAssigning(null)}
        onAssigned={() => {
          setAssigning(null);
          orders.reload();
        }}
      />
    </>
  );
}
