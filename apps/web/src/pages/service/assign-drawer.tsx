/**
 * Assign or reassign one order: the dispatch engine's ranked candidates for the chosen day and slot, each with its
 * explanation and load, the count of technicians filtered out and why; auto-dispatch takes the first.
 */
import { App, Alert, Button, Drawer, Empty, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import {
  call,
  DISPATCH_REJECTIONS,
  query,
  SLOTS,
  type DispatchDecision,
  type RepairOrder,
  type Slot,
} from './service-api';
import { errorText } from './service-ui';

export function AssignDrawer({
  order,
  onClose,
  onAssigned,
}: {
  readonly order: RepairOrder | null;
  readonly onClose: () => void;
  readonly onAssigned: (order: RepairOrder) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [slot, setSlot] = useState<Slot>('morning');
  const [date, setDate] = useState('');
  const [decision, setDecision] = useState<DispatchDecision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const reassigning = !!order?.technicianId;

  useEffect(() => {
    if (!order) return;
    setSlot(order.bookedSlot ?? order.preferredSlot);
    setDate(order.bookedDate ?? order.preferredDate);
    setReason('');
    setError(null);
  }, [order]);

  useEffect(() => {
    if (!order || !date) return;
    let live = true;
    setDecision(null);
    call<DispatchDecision>('GET', `/repair-orders/${order.id}/dispatch-candidates${query({ date, slot })}`).then(
      (d) => live && setDecision(d),
      (e: unknown) => live && setError(errorText(e, pick)),
    );
    return () => {
      live = false;
    };
  }, [order, date, slot]);

  const assign = async (technicianId: string, name: string, why: string) => {
    if (!order) return;
    setBusy(technicianId);
    setError(null);
    try {
      const updated = await call<RepairOrder>('POST', `/repair-orders/${order.id}/assign`, {
        technicianId,
        date,
        slot,
        // The dispatcher's own words, then why the engine ranked this technician where it did.
        reason: [reason.trim(), why].filter(Boolean).join('；'),
      });
      void message.success(t('svc.assign.done', { name }));
      onAssigned(updated);
    } catch (e) {
      setError(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  const auto = async () => {
    if (!order) return;
    setBusy('auto');
    setError(null);
    try {
      const updated = await call<RepairOrder>('POST', `/repair-orders/${order.id}/dispatch`, {});
      const chosen = decision?.candidates.find((c) => c.technicianId === updated.technicianId);
      void message.success(t('svc.assign.done', { name: chosen?.technicianName ?? '' }));
      onAssigned(updated);
    } catch (e) {
      setError(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  const filtered = DISPATCH_REJECTIONS.map((why) => [why, decision?.rejected[why] ?? 0] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <Drawer
      title={order ? t('svc.assign.title', { number: order.number }) : ''}
      open={!!order}
      onClose={onClose}
      width={520}
      extra={
        !reassigning && (
          <Button type="primary" onClick={() => void auto()} loading={busy === 'auto'}>
            {t('svc.board.autoDispatch')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <Typography.Text strong>{t('svc.assign.slot')}</Typography.Text>
          <Input
            type="date"
            aria-label={t('svc.board.date')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            style={{ width: 160 }}
          />
          <Radio.Group
            aria-label={t('svc.assign.slot')}
            optionType="button"
            value={slot}
            onChange={(e) => setSlot(e.target.value as Slot)}
            options={SLOTS.map((s) => ({ value: s, label: t(`svc.slot.${s}`) }))}
          />
        </Space>
        <Input.TextArea
          aria-label={t('svc.assign.reason')}
          placeholder={t('svc.assign.reason')}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {error && <Alert type="error" showIcon message={error} />}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('svc.assign.candidates')}
        </Typography.Title>
        {decision && decision.candidates.length === 0 && <Empty description={t('svc.assign.noCandidates')} />}
        <List
          loading={!decision && !error}
          dataSource={decision?.candidates ?? []}
          renderItem={(c, i) => {
            const name = c.technicianName ?? c.technicianId.slice(-6);
            return (
              <List.Item
                data-testid="dispatch-candidate"
                actions={[
                  <Button
                    key="assign"
                    type={i === 0 ? 'primary' : 'default'}
                    loading={busy === c.technicianId}
                    disabled={reassigning && c.technicianId === order?.technicianId}
                    onClick={() => void assign(c.technicianId, name, pick(c.explanation))}
                  >
                    {t('svc.assign.confirm', { name })}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag color={i === 0 ? 'blue' : 'default'}>{t('svc.assign.rank', { n: i + 1 })}</Tag>
                      <span>{name}</span>
                      {c.outletName && <Typography.Text type="secondary">{c.outletName}</Typography.Text>}
                    </Space>
                  }
                  description={
                    <>
                      <div>{t('svc.assign.load', { load: c.load, capacity: c.capacity })}</div>
                      <div className="svc-explain">{pick(c.explanation)}</div>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
        {filtered.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('svc.assign.filtered')}：</Typography.Text>
            {filtered.map(([why, n]) => (
              <Tag key={why}>
                {t(`svc.reject.${why}`)} × {n}
              </Tag>
            ))}
          </div>
        )}
        {decision && <Typography.Paragraph type="secondary">{pick(decision.summary)}</Typography.Paragraph>}
      </Space>
    </Drawer>
  );
}
