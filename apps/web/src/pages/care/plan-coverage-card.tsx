/**
 * The coverage of a repair order on its page: what the customer pays and why, line by line (call-out, labour,
 * parts), as decided at intake and, once completed, settled with the visit's labour and parts.
 */
import { Alert, App, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call } from '../service/service-api';
import { errorText } from '../service/service-ui';
import {
  money,
  PAYER_COLOURS,
  PAYER_TEXT,
  W,
  type CoverageDecision,
  type CoverageLine,
  type OrderCoverage,
} from './plan-api';

function DecisionTable({ decision }: { readonly decision: CoverageDecision }) {
  const { pick } = useI18n();
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text strong data-testid={`coverage-summary-${decision.basis}`}>
        {pick(decision.summary)}
      </Typography.Text>
      <Table<CoverageLine>
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={(l, i) => `${l.kind}-${i ?? 0}`}
        dataSource={decision.lines}
        columns={[
          { title: pick(W.item), render: (_, l) => pick(l.label) },
          {
            title: pick(W.amount),
            align: 'right',
            render: (_, l) => (l.amountFen === null ? pick(W.toQuote) : money(l.amountFen)),
          },
          {
            title: pick(W.payer),
            render: (_, l) => <Tag color={PAYER_COLOURS[l.payer]}>{pick(PAYER_TEXT[l.payer])}</Tag>,
          },
          {
            title: pick(W.customerPays),
            align: 'right',
            render: (_, l) => (l.customerPaysFen === null ? pick(W.toQuote) : money(l.customerPaysFen)),
          },
          { title: pick(W.why), render: (_, l) => pick(l.reason) },
        ]}
      />
      {decision.planNotes.length > 0 && (
        <div>
          <Typography.Text type="secondary">{pick(W.planNotes)}：</Typography.Text>
          {decision.planNotes.map((n) => (
            <Tag key={n.planId} color={n.applies ? 'blue' : 'default'}>
              {pick(n.reason)}
            </Tag>
          ))}
        </div>
      )}
    </Space>
  );
}

/** The card; `version` reloads it when the order changes (e.g. on completion). */
export function CoverageCard({ orderId, version }: { readonly orderId: string; readonly version?: number }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const roles: readonly string[] = user?.roles ?? [];
  const canSetFacts = roles.some((r) => r === 'admin' || r === 'agent' || r === 'dispatcher');
  const loaded = useLoad(
    () => call<OrderCoverage>('GET', `/repair-orders/${orderId}/coverage`),
    `${orderId}:${version ?? 0}`,
  );
  const c = loaded.data;
  const setAccidental = async (accidentalDamage: boolean) => {
    try {
      await call('PUT', `/repair-orders/${orderId}/coverage/facts`, { accidentalDamage });
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  return (
    <Card
      size="small"
      title={pick(W.coverage)}
      data-testid="coverage-card"
      loading={loaded.loading && !c}
      extra={
        c && (
          <Space size={6}>
            <Typography.Text type="secondary">{pick(W.accidental)}</Typography.Text>
            <Switch
              size="small"
              aria-label={pick(W.accidental)}
              checked={(c.completion ?? c.intake).accidentalDamage}
              disabled={!canSetFacts || c.settledAt !== null}
              onChange={(v) => void setAccidental(v)}
            />
          </Space>
        )
      }
    >
      {loaded.error && !c ? (
        <Alert type="info" showIcon message={pick(W.noCoverage)} />
      ) : c ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {c.completion && (
            <div>
              <Typography.Title level={5}>
                {pick(W.atCompletion)} · {money(c.completion.customerPaysFen)}
              </Typography.Title>
              <DecisionTable decision={c.completion} />
            </div>
          )}
          <div>
            <Typography.Title level={5} type={c.completion ? 'secondary' : undefined}>
              {pick(W.atIntake)} · {money(c.intake.customerPaysFen)}
              {c.intake.customerPaysMore ? ` + ${pick(W.toQuote)}` : ''}
            </Typography.Title>
            <DecisionTable decision={c.intake} />
          </div>
        </Space>
      ) : null}
    </Card>
  );
}
