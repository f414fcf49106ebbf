import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type Claim, type Evidence } from '../api/client';
import { RiskBadge, StatusTag } from '../app/badges';
import { dateTime, shortId, yuan } from '../app/format';
import { can, useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { BuyerHistory, ClaimTimeline, ProvenancePanel } from '../components/claim-facts';
import { CompareSlider } from '../components/compare-slider';
import { CreditPanel } from '../components/credit-panel';
import { DecisionForm } from '../components/decision-form';
import { EvidencePackageButton } from '../components/evidence-package-button';
import { evidenceMarks, OverlayToggles } from '../components/evidence-marks';
import { FindingsCard } from '../components/finding-card';
import { PhotoViewer } from '../components/photo-viewer';
import { RespondPanel } from '../components/respond-panel';
import { useI18n } from '../i18n/i18n';
import { zh, type MessageKey } from '../i18n/messages';

const VERDICT_COLOURS = { clean: '#52c41a', suspicious: '#fa8c16', forged: '#f5222d', error: '#8c8c8c' } as const;

async function loadClaim(id: string) {
  const claim = unwrap(await api.GET('/api/v1/claims/{id}', { params: { path: { id } } }));
  const [evidence, order, history] = await Promise.all([
    api.GET('/api/v1/claims/{id}/evidence', { params: { path: { id } } }).then(unwrap),
    api.GET('/api/v1/orders/{id}', { params: { path: { id: claim.orderId } } }).then((r) => r.data),
    claim.buyerId
      ? api.GET('/api/v1/buyers/{id}/claims', { params: { path: { id: claim.buyerId } } }).then((r) => r.data?.items)
      : Promise.resolve(undefined),
  ]);
  return { claim, evidence: evidence.items, order, history };
}

function imageUrl(e: Evidence) {
  return `/api/v1/claims/${e.claimId}/evidence/${e.id}/image`;
}

/** One claim: evidence with the forensic report made visible, the facts around it, and the action for this role. */
export default function ClaimPage({ mode }: { readonly mode: 'review' | 'respond' }) {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const { data, error, loading, reload } = useLoad(() => loadClaim(id), id);
  const [selected, setSelected] = useState<string | null>(null);
  const [overlay, setOverlay] = useState(true);
  const [compare, setCompare] = useState(false);
  const [claimOverride, setClaimOverride] = useState<Claim | null>(null);
  const claim = claimOverride?.id === id ? claimOverride : data?.claim;
  const evidence = useMemo(() => data?.evidence ?? [], [data]);
  const current = evidence.find((e) => e.id === selected) ?? evidence[0];
  // Fresh data from the server supersedes the claim an action answered.
  useEffect(() => setClaimOverride(null), [data]);

  // Poll while a photo is still being analysed.
  const pending = evidence.some((e) => e.status === 'pending') || claim?.status === 'analysing';
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(reload, 1500);
    return () => window.clearTimeout(timer);
  }, [pending, data, reload]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('claim.notFound') : t('common.error')}
        subTitle={error instanceof ApiError ? pick(error.text) : undefined}
      />
    );
  }
  if (!claim || (loading && !data)) return <Skeleton active paragraph={{ rows: 12 }} />;

  const { findings, derived, regions, markedRegions, heatmap } = evidenceMarks(current?.report?.findings);
  const refId = derived?.ref?.file;
  const width = current?.report?.width ?? 0;
  const height = current?.report?.height ?? 0;
  const basePath = mode === 'review' ? '/review' : '/claims';

  return (
    <>
      <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
        <Link to={basePath}>
          <ArrowLeftOutlined /> {t('common.back')}
        </Link>
        <div className="pd-page-head" style={{ marginBottom: 0 }}>
          <div>
            <Typography.Title level={3}>{t('claim.title', { id: shortId(claim.id) })}</Typography.Title>
            <Typography.Text className="pd-muted">
              {t('claim.filed', { time: dateTime(claim.createdAt, lang) })}
            </Typography.Text>
          </div>
          <Space wrap size={8}>
            <StatusTag status={claim.status} />
            <RiskBadge score={claim.riskScore} />
            <Tag>{t(`type.${claim.type}`)}</Tag>
            <Typography.Text strong style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }}>
              ¥{yuan(claim.amountFen)}
            </Typography.Text>
          </Space>
        </div>
      </Space>

      <div className="pd-claim-grid">
        <div className="pd-stack">
          <Card size="small">
            <Typography.Text className="pd-muted">{t('claim.reason')}</Typography.Text>
            <Typography.Paragraph style={{ fontSize: 15, margin: '4px 0 8px' }}>{claim.reason}</Typography.Paragraph>
            {claim.policyReasons.length > 0 && (
              <Space size={[6, 6]} wrap>
                <Typography.Text className="pd-muted">{t('claim.policyReasons')}:</Typography.Text>
                {claim.policyReasons.map((r) => (
                  <Tag key={r.code} color="volcano" bordered={false}>
                    {pick(r.text)}
                  </Tag>
                ))}
              </Space>
            )}
            {claim.merchantStatement && (
              <Alert
                style={{ marginTop: 10 }}
                type="info"
                title={t('claim.merchantStatement')}
                description={claim.merchantStatement}
              />
            )}
            {claim.appealReason && (
              <Alert
                style={{ marginTop: 10 }}
                type="warning"
                title={t('claim.appealReason')}
                description={claim.appealReason}
              />
            )}
          </Card>

          <Card
            title={t('evidence.title')}
            extra={
              current?.report && (
                <OverlayToggles
                  overlay={overlay}
                  onOverlay={setOverlay}
                  canOverlay={markedRegions.length > 0 || !!heatmap}
                  compare={compare}
                  onCompare={setCompare}
                  canCompare={!!refId}
                />
              )
            }
          >
            {evidence.length === 0 ? (
              <Empty description={t('evidence.none')} />
            ) : (
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <div className="pd-thumbs" role="group" aria-label={t('evidence.title')}>
                  {evidence.map((e, i) => (
                    <button
                      key={e.id}
                      type="button"
                      className="pd-thumb"
                      aria-pressed={e.id === current?.id}
                      aria-label={`${t('evidence.photoN', { n: i + 1 })} · ${t(e.submittedBy === 'buyer' ? 'evidence.buyer' : 'evidence.merchant')} · ${t(`verdict.${e.verdict ?? 'pending'}`)}`}
                      onClick={() => setSelected(e.id)}
                    >
                      <img src={imageUrl(e)} alt="" loading="lazy" />
                      <span
                        className="pd-thumb-badge"
                        style={{ background: e.verdict ? VERDICT_COLOURS[e.verdict] : '#bfbfbf' }}
                      />
                    </button>
                  ))}
                </div>
                {current && (
                  <Space size={8} wrap>
                    <Tag>{t(current.submittedBy === 'buyer' ? 'evidence.buyer' : 'evidence.merchant')}</Tag>
                    <Tag color={current.verdict ? VERDICT_COLOURS[current.verdict] : undefined}>
                      {t(`verdict.${current.verdict ?? 'pending'}`)}
                      {current.score !== null ? ` · ${current.score.toFixed(2)}` : ''}
                    </Tag>
                    <span className="pd-muted pd-mono">{current.filename}</span>
                  </Space>
                )}
                {current && width > 0 && compare && refId ? (
                  <CompareSlider
                    claimSrc={imageUrl(current)}
                    refSrc={`/api/v1/reference-photos/${refId}/image`}
                    width={width}
                    height={height}
                    regions={regions}
                  />
                ) : current && width > 0 ? (
                  <PhotoViewer
                    src={imageUrl(current)}
                    alt={current.filename}
                    width={width}
                    height={height}
                    regions={markedRegions}
                    heatmapSrc={heatmap}
                    showOverlay={overlay}
                  />
                ) : (
                  <Skeleton.Image active />
                )}
              </Space>
            )}
          </Card>

          <FindingsCard findings={findings} />
        </div>

        <div className="pd-stack">
          {mode === 'review' && can(user, 'decide') && (
            <Card title={t('decision.title')}>
              {claim.decision && claim.status !== 'appealed' ? (
                <Space direction="vertical">
                  <StatusTag status={claim.status} />
                  <span>
                    {`decision.reason.${claim.decision.reasonCode}` in zh
                      ? t(`decision.reason.${claim.decision.reasonCode}` as MessageKey)
                      : claim.decision.reasonCode}
                    {claim.decision.note ? ` · ${claim.decision.note}` : ''}
                  </span>
                  <span className="pd-muted">{dateTime(claim.decision.decidedAt, lang)}</span>
                </Space>
              ) : (
                <DecisionForm claim={claim} onDecided={(c) => setClaimOverride(c)} />
              )}
            </Card>
          )}
          {can(user, 'decide') && <CreditPanel claimId={claim.id} version={claim.updatedAt} />}
          <EvidencePackageButton claimId={claim.id} />
          {mode === 'respond' && can(user, 'respond') && (
            <Card title={t('respond.title')}>
              <RespondPanel
                claim={claim}
                onChanged={(c) => {
                  if (c) setClaimOverride(c);
                  reload();
                }}
              />
            </Card>
          )}
          <Card title={t('timeline.title')}>
            <ClaimTimeline claim={claim} order={data?.order} evidence={evidence} />
          </Card>
          <Card title={t('provenance.title')}>
            <ProvenancePanel evidence={current} />
          </Card>
          <Card title={t('history.title')}>
            <BuyerHistory claims={data?.history} currentId={claim.id} basePath={basePath} />
          </Card>
        </div>
      </div>
    </>
  );
}
