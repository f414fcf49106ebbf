import { Space, Switch } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { Region } from './photo-viewer';

const SEVERITY_ORDER = { high: 0, warn: 1, info: 2 } as const;

/** The parts of a finding the evidence view draws. */
interface MarkableFinding {
  readonly code: string;
  readonly severity: keyof typeof SEVERITY_ORDER;
  readonly score: number;
  readonly regions?: readonly Region[] | null;
  readonly facts?: unknown;
  readonly ref?: { readonly file: string } | null;
}

/** What the claim page and the check page draw over a photo, from its findings. */
export interface EvidenceMarks<F extends MarkableFinding> {
  /** Most severe first, then by score. */
  readonly findings: F[];
  readonly localEdit: F | undefined;
  /** The finding naming the matched reference photo. */
  readonly derived: F | undefined;
  /** The local edit's regions (outlined on the comparison). */
  readonly regions: Region[];
  /** Every localised finding's regions: the local edit and the tamper maps (ELA, noise, double JPEG, copy-move). */
  readonly markedRegions: Region[];
  /** The local edit's difference heat map (a PNG data URL), if any. */
  readonly heatmap: string | undefined;
}

export function evidenceMarks<F extends MarkableFinding>(all: readonly F[] | undefined): EvidenceMarks<F> {
  const findings = [...(all ?? [])].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.score - a.score,
  );
  const localEdit = findings.find((f) => f.code === 'reference.local_edit');
  return {
    findings,
    localEdit,
    derived: findings.find((f) => f.code === 'reference.derived_from_listing') ?? localEdit,
    regions: [...(localEdit?.regions ?? [])],
    markedRegions: findings.flatMap((f) =>
      f.code === 'reference.local_edit' || f.code.startsWith('tamper.') ? [...(f.regions ?? [])] : [],
    ),
    heatmap: (localEdit?.facts as { heatmapPng?: string } | undefined)?.heatmapPng,
  };
}

/** The two switches above an evidence photo: the regions/heat-map overlay and the comparison with the reference. */
export function OverlayToggles(props: {
  readonly overlay: boolean;
  readonly onOverlay: (on: boolean) => void;
  readonly canOverlay: boolean;
  readonly compare: boolean;
  readonly onCompare: (on: boolean) => void;
  readonly canCompare: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space wrap size={16}>
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <Switch size="small" checked={props.overlay} onChange={props.onOverlay} disabled={!props.canOverlay} />
        {t('evidence.overlay')}
      </label>
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <Switch
          size="small"
          checked={props.compare && props.canCompare}
          onChange={props.onCompare}
          disabled={!props.canCompare}
        />
        {t('evidence.compare')}
      </label>
    </Space>
  );
}
