import { Slider } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Region } from './photo-viewer';

/**
 * The claim photo over the matched merchant photo, with a slider that reveals one or the other. The merchant photo is
 * stretched to the claim photo's frame (the match found it is the same picture, resized); the edited regions are
 * outlined on the claim side.
 */
export function CompareSlider(props: {
  readonly claimSrc: string;
  readonly refSrc: string;
  readonly width: number;
  readonly height: number;
  readonly regions: readonly Region[];
}) {
  const { t } = useI18n();
  const [split, setSplit] = useState(50);
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <div>
      <div
        className="pd-compare"
        style={{
          aspectRatio: `${props.width} / ${props.height}`,
          width: `min(100%, ${Math.round((520 * props.width) / props.height)}px)`,
        }}
      >
        <img src={props.refSrc} alt={t('evidence.compareRef')} style={{ height: '100%', objectFit: 'fill' }} />
        <div className="pd-compare-top" style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}>
          <img src={props.claimSrc} alt={t('evidence.compareClaim')} />
          {props.regions.map((r, i) => (
            <div
              key={i}
              className="pd-region"
              style={{
                left: pct(r.x, props.width),
                top: pct(r.y, props.height),
                width: pct(r.w, props.width),
                height: pct(r.h, props.height),
              }}
            />
          ))}
        </div>
        <div className="pd-compare-divider" style={{ left: `${split}%` }} />
        <span className="pd-compare-label" style={{ left: 10 }}>
          {t('evidence.compareClaim')}
        </span>
        <span className="pd-compare-label" style={{ right: 10 }}>
          {t('evidence.compareRef')}
        </span>
      </div>
      <Slider
        value={split}
        onChange={setSplit}
        tooltip={{ formatter: (v) => `${v ?? 0}%` }}
        aria-label={t('evidence.compareSlider')}
        ariaLabelForHandle={t('evidence.compareSlider')}
      />
    </div>
  );
}
