/** One repair order for dispatchers and agents: facts, masked contact with audited reveal, timers, history, visit. */
import { App, Alert, Button, Card, Col, Input, Popconfirm, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useLoad, useNow } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { AssignDrawer } from './assign-drawer';
import { FactsBlock, HistoryBlock, TimersBlock, VisitBlock } from './order-view';
import { call, type RepairEvent, type RepairOrder } from './service-api';
import { errorText, RepairStatusTag, useAreaNames } from './service-ui';
import './service.css';
import { CoverageCard } from '../care/plan-coverage-card';

export default function ServiceOrderPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const now = useNow(5_000);
  const order = useLoad(() => call<RepairOrder>('GET', `/repair-orders/${id}`), id);
  const [assigning, setAssigning] = useState<RepairOrder | null>(null);
  const roles: readonly string[] = user?.roles ?? [];
  const mayDispatch = roles.includes('admin') || roles.includes('dispatcher');
  const names = useAreaNames(order.data ? [order.data.areaCode] : []);

  const [reason, setReason] = useState('');
  const send = async (event: RepairEvent) => {
    try {
      await call('POST', `/repair-orders/${id}/events`, {
        event,
        ...(event === 'cancel' ? { reason: reason.trim() || t('svc.event.cancel') } : {}),
      });
      order.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };

  if (order.error)
    return <Alert type="error" showIcon message={t('svc.order.notFound')} description={errorText(order.error, pick)} />;
  if (!order.data) return <Spin />;
  const o = order.data;
  const ended = ['closed', 'cancelled'].includes(o.status);
  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>
            <Space>
              {t('svc.order.title', { number: o.number })}
              <RepairStatusTag status={o.status} />
            </Space>
          </Typography.Title>
        </div>
        {mayDispatch && !ended && (
          <Space wrap aria-label={t('svc.order.actions')}>
            {o.status !== 'completed' && (
              <Button onClick={() => setAssigning(o)} type={o.technicianId ? 'default' : 'primary'}>
                {o.technicianId ? t('svc.board.reassign') : t('svc.board.assign')}
              </Button>
            )}
            {o.status === 'completed' && (
              <Button type="primary" onClick={() => void send('close')}>
                {t('svc.event.close')}
              </Button>
            )}
            <Popconfirm
              title={t('svc.event.cancel')}
              description={
                <Input
                  aria-label={t('svc.order.cancelReason')}
                  placeholder={t('svc.order.cancelReason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              }
              onConfirm={() => void send('cancel')}
            >
              <Button danger>{t('svc.event.cancel')}</Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <FactsBlock
          order={o}
          canReveal={roles.includes('admin') || roles.includes('dispatcher')}
          areaFullName={names[o.areaCode]?.fullName}
        />
        <CoverageCard orderId={o.id} version={o.version} />
        <Card size="small" title={t('svc.order.timers')}>
          <TimersBlock order={o} now={now} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('svc.order.history')}>
              <HistoryBlock order={o} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('svc.order.visit')}>
              <VisitBlock order={o} />
            </Card>
          </Col>
        </Row>
      </Space>
      <AssignDrawer
        order={assigning}
        onClose={() => setAssigning(null)}
        onAssigned={() => {
          setAssigning(null);
          order.reload();
        }}
      />
    </>
  );
}
