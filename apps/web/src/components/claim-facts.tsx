import { Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { Claim, Evidence, Order } from '../api/client';
import { StatusTag } from '../app/badges';
import { dateTime, shortId, yuan } from '../app/format';
import { useI18n } from '../i18n/i18n';

interface CaptureTime {
  readonly instant?: string;
  readonly source?: string;
  readonly offsetAssumed?: boolean;
}
interface C2pa {
  readonly validationState?: string;
  readonly activeManifest?: {
    readonly claimGenerator?: string;
    readonly title?: string;
    readonly signer?: { readonly issuer?: string; readonly commonName?: string };
    readonly signedAt?: string;
    readonly actions?: readonly { readonly action: string }[];
  };
}
interface AigcLabel {
  readonly labels?: readonly {
    readonly label?: string;
    readonly meaning?: string;
    readonly source?: string;
    readonly fields?: Readonly<Record<string, string>>;
  }[];
}
export interface PhotoFacts {
  readonly captureTime?: CaptureTime;
  readonly c2pa?: C2pa;
  readonly aigcLabel?: AigcLabel;
  readonly software?: readonly string[];
  readonly camera?: { readonly make?: string; readonly model?: string };
}

export function factsOf(evidence: Evidence | undefined): PhotoFacts {
  return evidence?.report?.facts ?? {};
}

/** Ordered → shipped → delivered → photo captured → claim filed (→ decided), in time order. */
export function ClaimTimeline(props: {
  readonly claim: Claim;
  readonly order: Order | undefined;
  readonly evidence: readonly Evidence[];
}) {
  const { t, lang } = useI18n();
  const events: { at: string | null; label: string; colour: string; note?: string }[] = [
    { at: props.order?.orderedAt ?? null, label: t('timeline.ordered'), colour: 'gray' },
    { at: props.order?.shippedAt ?? null, label: t('timeline.shipped'), colour: 'gray' },
    { at: props.order?.deliveredAt ?? null, label: t('timeline.delivered'), colour: 'blue' },
  ];
  props.evidence
    .filter((e) => e.submittedBy === 'buyer')
    .forEach((e, i) => {
      const capture = factsOf(e).captureTime;
      const delivered = props.order?.deliveredAt;
      const early = !!capture?.instant && !!delivered && Date.parse(capture.instant) < Date.parse(delivered);
      events.push({
        at: capture?.instant ?? null,
        label: capture?.instant
          ? `${t('timeline.captured')} · ${t('evidence.photoN', { n: i + 1 })}`
          : `${t('timeline.capturedUnknown')} · ${t('evidence.photoN', { n: i + 1 })}`,
        colour: early ? 'red' : capture?.instant ? 'green' : 'gray',
        ...(capture?.source ? { note: capture.source } : {}),
      });
    });
  events.push({ at: props.claim.createdAt, label: t('timeline.filed'), colour: 'blue' });
  if (props.claim.decision?.decidedAt)
    events.push({ at: props.claim.decision.decidedAt, label: t('timeline.decided'), colour: 'purple' });
  const known = events.filter((e) => e.at).sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
  const unknown = events.filter((e) => !e.at);
  return (
    <Timeline
      items={[...known, ...unknown].map((e) => ({
        color: e.colour,
        content: (
          <div>
            <Typography.Text strong>{e.label}</Typography.Text>
            <div className="pd-muted" style={{ fontSize: 12 }}>
              {e.at ? dateTime(e.at, lang) : t('common.unknown')}
              {e.note ? ` · ${e.note}` : ''}
            </div>
          </div>
        ),
      }))}
    />
  );
}

/** Format, size, hash, capture time, C2PA signer and actions, AIGC label of one photo. */
export function ProvenancePanel({ evidence }: { readonly evidence: Evidence | undefined }) {
  const { t, lang } = useI18n();
  if (!evidence?.report) return <Empty description={t('evidence.none')} />;
  const report = evidence.report;
  const facts = factsOf(evidence);
  const manifest = facts.c2pa?.activeManifest;
  const labels = facts.aigcLabel?.labels ?? [];
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'format',
          label: t('provenance.format'),
          children: `${report.format.toUpperCase()} · ${report.width}×${report.height}`,
        },
        { key: 'size', label: t('provenance.size'), children: `${(evidence.bytes / 1024).toFixed(0)} KB` },
        {
          key: 'capture',
          label: t('provenance.captureTime'),
          children: facts.captureTime?.instant
            ? `${dateTime(facts.captureTime.instant, lang)} (${facts.captureTime.source ?? ''})`
            : t('common.unknown'),
        },
        ...(facts.software?.length
          ? [{ key: 'software', label: t('provenance.software'), children: facts.software.join(', ') }]
          : []),
        {
          key: 'c2pa',
          label: t('provenance.c2pa'),
          children: manifest ? (
            <Space direction="vertical" size={2}>
              <span>
                {t('provenance.signer')}: {manifest.signer?.issuer ?? '—'}
                {manifest.signer?.commonName ? ` (${manifest.signer.commonName})` : ''}
                {facts.c2pa?.validationState ? (
                  <Tag style={{ marginInlineStart: 6 }}>{facts.c2pa.validationState}</Tag>
                ) : null}
              </span>
              <span>
                {t('provenance.generator')}: {manifest.claimGenerator ?? '—'}
              </span>
              <span>
                {t('provenance.actions')}: {(manifest.actions ?? []).map((a) => a.action).join(', ') || '—'}
              </span>
              {manifest.signedAt && <span className="pd-muted">{dateTime(manifest.signedAt, lang)}</span>}
            </Space>
          ) : (
            <span className="pd-muted">{t('provenance.c2paNone')}</span>
          ),
        },
        {
          key: 'aigc',
          label: t('provenance.aigc'),
          children: labels.length ? (
            <Space direction="vertical" size={2}>
              {labels.map((l, i) => (
                <span key={i}>
                  <Tag color="red">Label {l.label}</Tag>
                  {l.meaning} · {l.source}
                  {l.fields?.ContentProducer ? (
                    <div className="pd-mono pd-muted">ContentProducer {l.fields.ContentProducer}</div>
                  ) : null}
                </span>
              ))}
            </Space>
          ) : (
            <span className="pd-muted">{t('provenance.aigcNone')}</span>
          ),
        },
        { key: 'sha', label: t('provenance.sha256'), children: <span className="pd-mono">{evidence.sha256}</span> },
      ]}
    />
  );
}

/** The buyer's claims across the workspace, this one marked. */
export function BuyerHistory(props: {
  readonly claims: readonly Claim[] | undefined;
  readonly currentId: string;
  readonly basePath: string;
}) {
  const { t, lang } = useI18n();
  const others = props.claims ?? [];
  if (others.length <= 1) return <Typography.Text className="pd-muted">{t('history.none')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={[...others]}
      renderItem={(c) => (
        <List.Item
          extra={<StatusTag status={c.status} />}
          style={c.id === props.currentId ? { background: '#f0f5ff', borderRadius: 6, paddingInline: 8 } : undefined}
        >
          <List.Item.Meta
            title={
              c.id === props.currentId ? (
                <span>
                  <span className="pd-mono">{shortId(c.id)}</span> <Tag>{t('history.current')}</Tag>
                </span>
              ) : (
                <Link to={`${props.basePath}/${c.id}`} className="pd-mono">
                  {shortId(c.id)}
                </Link>
              )
            }
            description={`${dateTime(c.createdAt, lang)} · ¥${yuan(c.amountFen)} · ${c.reason}`}
          />
        </List.Item>
      )}
    />
  );
}
