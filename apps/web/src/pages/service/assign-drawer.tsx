/**
 * Assign or reassign one order: the dispatch engine's ranked candidates for the chosen day and slot, each with its
 * explanation and load, the count of technicians filtered out and why; auto-dispatch takes the first.
 */
import { App, Alert, Button, Drawer, Empty, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { call, query, SLOTS, type DispatchDecision, type RepairOrder, type Slot } from './service-api';
import { errorText, explanationLines } from './service-ui';

export function AssignDrawer({
  order,
  onClose,
  onAssigned,
}: {
  readonly order: RepairOrder | null;
  readonly onClose: () => void;
  readonly onAssigned: (order: RepairOrder) => void;
}) {
  const { t, lang, pick } = useI18n();
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

  const assign = async (technicianId: string, name: string) => {
    if (!order) return;
    setBusy(technicianId);
    setError(null);
    try {
      const updated = await call<RepairOrder>('POST', `/repair-orders/${order.id}/assign`, {
        technicianId,
        date,
        slot,
        reason: reason.trim() || t('svc.board.assign'),
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
      void message.success(t('svc.assign.done', { name: updated.technicianName ?? '' }));
      onAssigned(updated);
    } catch (e) {
      setError(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  const filtered = Object.entries(decision?.filtered ?? {}).filter(([, n]) => n > 0);
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
                    onClick={() => void assign(c.technicianId, name)}
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
                      {c.load !== undefined && c.capacity !== undefined && (
                        <div>{t('svc.assign.load', { load: c.load, capacity: c.capacity })}</div>
                      )}
                      {explanationLines(c.explanation, lang).map((line, k) => (
                        <div key={k} className="svc-explain">
                          {line}
                        </div>
                      ))}
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
                {why} × {n}
              </Tag>
            ))}
          </div>
        )}
        {decision?.explanation && (
          <Typography.Paragraph type="secondary">{pick(decision.explanation)}</Typography.Paragraph>
        )}
      </Space>
    </Drawer>
  );
}
