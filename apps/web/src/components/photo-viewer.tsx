import { CompressOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 16;

/**
 * A photo with zoom (wheel, buttons, + / - keys) and pan (drag, arrow keys), and an optional overlay in the photo's
 * own pixel coordinates: outlined regions and a heat map stretched over the whole photo.
 */
export function PhotoViewer(props: {
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  readonly regions?: readonly Region[];
  readonly heatmapSrc?: string | undefined;
  readonly showOverlay?: boolean;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const [fit, setFit] = useState<View>({ scale: 1, x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);

  const fitView = useCallback((): View => {
    const el = box.current;
    if (!el || !props.width || !props.height) return { scale: 1, x: 0, y: 0 };
    const scale = Math.min(el.clientWidth / props.width, el.clientHeight / props.height);
    return {
      scale,
      x: (el.clientWidth - props.width * scale) / 2,
      y: (el.clientHeight - props.height * scale) / 2,
    };
  }, [props.width, props.height]);

  useLayoutEffect(() => {
    const next = fitView();
    setFit(next);
    setView(next);
  }, [fitView, props.src]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const next = fitView();
      setFit(next);
      setView(next);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fitView]);

  /** Zooms by `factor` keeping the point (cx, cy) of the box still. */
  const zoomAt = useCallback((factor: number, cx?: number, cy?: number) => {
    setView((v) => {
      const el = box.current;
      const px = cx ?? (el ? el.clientWidth / 2 : 0);
      const py = cy ?? (el ? el.clientHeight / 2 : 0);
      const scale = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.scale * factor));
      const k = scale / v.scale;
      return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
    });
  }, []);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (event: globalThis.WheelEvent) => event.preventDefault();
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    zoomAt(event.deltaY < 0 ? 1.2 : 1 / 1.2, event.clientX - rect.left, event.clientY - rect.top);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, view };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    setView({ ...start.view, x: start.view.x + event.clientX - start.x, y: start.view.y + event.clientY - start.y });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = 40;
    const moves: Record<string, () => void> = {
      '+': () => zoomAt(1.25),
      '=': () => zoomAt(1.25),
      '-': () => zoomAt(0.8),
      '0': () => setView(fit),
      ArrowLeft: () => setView((v) => ({ ...v, x: v.x + step })),
      ArrowRight: () => setView((v) => ({ ...v, x: v.x - step })),
      ArrowUp: () => setView((v) => ({ ...v, y: v.y + step })),
      ArrowDown: () => setView((v) => ({ ...v, y: v.y - step })),
    };
    const move = moves[event.key];
    if (move) {
      move();
      event.preventDefault();
    }
  };

  const zoomPct = Math.round(view.scale * 100);
  const border = 2 / view.scale;
  return (
    <div>
      <div
        ref={box}
        className="pd-viewer"
        role="img"
        aria-label={`${t('evidence.viewer')}: ${props.alt}`}
        tabIndex={0}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-zoom={zoomPct}
      >
        <div
          className="pd-viewer-stage"
          style={{
            width: props.width,
            height: props.height,
            transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
          }}
        >
          <img src={props.src} alt={props.alt} width={props.width} height={props.height} draggable={false} />
          {props.showOverlay && props.heatmapSrc && (
            <img className="pd-heatmap" src={props.heatmapSrc} alt="" aria-hidden draggable={false} />
          )}
          {props.showOverlay &&
            props.regions?.map((r, i) => (
              <div
                key={i}
                className="pd-region"
                data-testid="edited-region"
                style={{ left: r.x, top: r.y, width: r.w, height: r.h, borderWidth: border }}
              />
            ))}
        </div>
      </div>
      <div className="pd-viewer-toolbar">
        <Space.Compact>
          <Tooltip title={t('evidence.zoomOut')}>
            <Button icon={<ZoomOutOutlined />} aria-label={t('evidence.zoomOut')} onClick={() => zoomAt(0.8)} />
          </Tooltip>
          <Button aria-live="polite" aria-label={t('evidence.zoomLevel', { pct: zoomPct })} style={{ width: 72 }}>
            {zoomPct}%
          </Button>
          <Tooltip title={t('evidence.zoomIn')}>
            <Button icon={<ZoomInOutlined />} aria-label={t('evidence.zoomIn')} onClick={() => zoomAt(1.25)} />
          </Tooltip>
          <Tooltip title={t('evidence.zoomReset')}>
            <Button icon={<CompressOutlined />} aria-label={t('evidence.zoomReset')} onClick={() => setView(fit)} />
          </Tooltip>
        </Space.Compact>
        <span className="pd-muted" style={{ fontSize: 12 }}>
          {t('evidence.panHint')}
        </span>
      </div>
    </div>
  );
}
