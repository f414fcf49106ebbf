/**
 * The buyer's credit beside a claim, for reviewers and admins: the score and band, every factor with its points and
 * reason, the other sharing shops' counts, the fraud-feed signals and the legal flags with each rule's text and
 * source. Nothing here is shown to buyers (the server refuses them too).
 */
import { Alert, Card, Collapse, Descriptions, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n';
import { BAND_COLOUR, BAND_TEXT, FLAG_TEXT, yuanText, type BuyerCredit } from '../pages/trust/trust-api';

export function CreditPanel({ claimId, version }: { readonly claimId: string; readonly version?: string }) {
  const { pick } = useI18n();
  const { data, error } = useLoad(
    async () => unwrap(await api.GET('/api/v1/claims/{id}/buyer-credit', { params: { path: { id: claimId } } })).credit,
    `${claimId}:${version ?? ''}`,
  );
  const title = pick({ zh: '买家信用', en: 'Buyer credit' });
  if (error)
    return (
      <Card title={title}>
        <Alert
          type="warning"
          showIcon
          title={pick({ zh: '无法读取买家信用', en: 'Could not load the buyer credit' })}
        />
      </Card>
    );
  if (data === undefined) return <Card title={title} loading />;
  if (data === null)
    return (
      <Card title={title}>
        <Empty description={pick({ zh: '此申请没有关联买家', en: 'This claim has no known buyer' })} />
      </Card>
    );
  return (
    <Card title={title} data-testid="credit-panel">
      <CreditBody credit={data} />
    </Card>
  );
}

/** The credit's content, also used on the thresholds page. */
export function CreditBody({ credit }: { readonly credit: BuyerCredit }) {
  const { pick } = useI18n();
  const { record, shared, feed, legal } = credit;
  const colour = BAND_COLOUR[credit.band];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space align="center" size="large">
        <Progress
          type="circle"
          size={72}
          percent={credit.score}
          format={(n) => <span aria-label={pick({ zh: '信用分', en: 'Credit score' })}>{n}</span>}
          strokeColor={colour === 'red' ? '#cf1322' : colour === 'orange' ? '#d46b08' : undefined}
        />
        <Space direction="vertical" size={2}>
          <Tag color={colour}>{pick(BAND_TEXT[credit.band])}</Tag>
          <span className="pd-muted">
            {pick({ zh: '分数 = 下列各项之和（0–100）', en: 'Score = the sum of the factors below (0–100)' })}
          </span>
        </Space>
      </Space>

      <List
        size="small"
        header={<strong>{pick({ zh: '评分因素', en: 'Factors' })}</strong>}
        dataSource={[...credit.factors]}
        renderItem={(f) => (
          <List.Item>
            <Space align="start">
              <Tag color={f.points > 0 && f.code !== 'base' ? 'green' : f.points < 0 ? 'red' : 'default'}>
                {f.code === 'base' ? f.points : f.points > 0 ? `+${f.points}` : f.points}
              </Tag>
              <span>{pick(f.text)}</span>
            </Space>
          </List.Item>
        )}
      />

      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={pick({ zh: '本店申请', en: 'Claims here' })}>
          {pick({
            zh: `共 ${record.claimsFiled} 笔：同意 ${record.approved}，确认造假 ${record.rejectedFraud}，其他驳回 ${record.rejectedOther}，撤销 ${record.withdrawn}`,
            en: `${record.claimsFiled} in all: ${record.approved} approved, ${record.rejectedFraud} confirmed fraud, ${record.rejectedOther} rejected otherwise, ${record.withdrawn} withdrawn`,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '金额', en: 'Amounts' })}>
          {pick({
            zh: `申请 ${yuanText(record.amountClaimedFen)} · 同意 ${yuanText(record.amountApprovedFen)} · 确认造假 ${yuanText(record.fraudAmountFen)}`,
            en: `claimed ${yuanText(record.amountClaimedFen)} · approved ${yuanText(record.amountApprovedFen)} · confirmed fraud ${yuanText(record.fraudAmountFen)}`,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '确认造假照片', en: 'Confirmed-fake photos' })}>
          {record.fakePhotos}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '其他店铺共享', en: 'Other shops (shared)' })}>
          {shared === null
            ? pick({
                zh: '本工作区未开启共享，看不到其他店铺的信号',
                en: 'This workspace does not share, so it sees no other shop’s signals',
              })
            : shared.shops === 0
              ? pick({ zh: '其他共享店铺没有此买家的记录', en: 'No other sharing shop knows this buyer' })
              : pick({
                  zh: `${shared.shops} 家店铺：申请 ${shared.claimsFiled}，同意 ${shared.approved}，确认造假 ${shared.rejectedFraud}，其他驳回 ${shared.rejectedOther}；最低分 ${shared.lowestScore ?? '—'}`,
                  en: `${shared.shops} shop(s): ${shared.claimsFiled} claims, ${shared.approved} approved, ${shared.rejectedFraud} confirmed fraud, ${shared.rejectedOther} rejected otherwise; lowest score ${shared.lowestScore ?? '—'}`,
                })}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '欺诈信息源', en: 'Fraud feeds' })}>
          {pick({
            zh: `${feed.signals} 条信号，${yuanText(feed.amountFen)}`,
            en: `${feed.signals} signal(s), ${yuanText(feed.amountFen)}`,
          })}
        </Descriptions.Item>
      </Descriptions>

      <LegalFlags credit={credit} />
      {legal.flags.length === 0 && (
        <span className="pd-muted">
          {pick({ zh: '没有确认造假的金额，无法律提示', en: 'No confirmed-fraud amount: no legal pointer' })}
        </span>
      )}
    </Space>
  );
}

function LegalFlags({ credit }: { readonly credit: BuyerCredit }) {
  const { pick } = useI18n();
  return (
    <>
      {credit.legal.flags.map((flag) => (
        <Alert
          key={flag.code}
          type={flag.code === 'administrative' ? 'info' : 'warning'}
          showIcon
          title={pick(FLAG_TEXT[flag.code])}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>{pick(flag.text)}</span>
              <Collapse
                size="small"
                items={flag.rules.map((rule, i) => ({
                  key: String(i),
                  label: pick(rule.source),
                  children: <Typography.Paragraph style={{ margin: 0 }}>{pick(rule.text)}</Typography.Paragraph>,
                }))}
              />
            </Space>
          }
        />
      ))}
    </>
  );
}
