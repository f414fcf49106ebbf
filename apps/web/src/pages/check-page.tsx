import { CameraOutlined, DownloadOutlined, PictureOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getCsrfToken, toApiError, type Schemas } from '../api/client';
import { ACCEPT_ATTRIBUTE } from '../api/upload';
import { CompareSlider } from '../components/compare-slider';
import { evidenceMarks, OverlayToggles } from '../components/evidence-marks';
import { FindingsCard } from '../components/finding-card';
import { PhotoViewer } from '../components/photo-viewer';
import { useI18n } from '../i18n/i18n';

type PhotoReport = Schemas['PhotoReport'];

const VERDICT_COLOURS = { clean: '#52c41a', suspicious: '#fa8c16', forged: '#f5222d', error: '#8c8c8c' } as const;

/** The photos and reference photos as the `photo` and `ref` fields of one multipart form. */
function checkForm(photos: readonly File[], refs: readonly File[]): FormData {
  const form = new FormData();
  for (const file of photos) form.append('photo', file, file.name);
  for (const file of refs) form.append('ref', file, file.name);
  return form;
}

async function postCheck(url: string, photos: readonly File[], refs: readonly File[]): Promise<Response> {
  const csrf = getCsrfToken();
  const response = await fetch(url, {
    method: 'POST',
    body: checkForm(photos, refs),
    credentials: 'same-origin',
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return response;
}

/** Object URLs for files, revoked when the files change. */
function useObjectUrls(files: readonly File[]): string[] {
  const urls = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

const filesOf = (list: readonly UploadFile[]) =>
  list.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));

/** Check photos without a claim: drop photos and reference photos, read the same report view, export it as HTML. */
export default function CheckPage() {
  const { t, pick, lang } = useI18n();
  const [photoList, setPhotoList] = useState<UploadFile[]>([]);
  const [refList, setRefList] = useState<UploadFile[]>([]);
  const [checked, setChecked] = useState<{ photos: File[]; refs: File[]; reports: PhotoReport[] } | null>(null);
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState<'check' | 'export' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overlay, setOverlay] = useState(true);
  const [compare, setCompare] = useState(false);
  const photoUrls = useObjectUrls(checked?.photos ?? []);
  const refUrls = useObjectUrls(checked?.refs ?? []);

  const photos = filesOf(photoList);
  const refs = filesOf(refList);

  const run = async () => {
    setBusy('check');
    setError(null);
    try {
      const response = await postCheck('/api/v1/check', photos, refs);
      const { reports } = (await response.json()) as { reports: PhotoReport[] };
      setChecked({ photos, refs, reports });
      setSelected(0);
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.text) : t('check.failed'));
    } finally {
      setBusy(null);
    }
  };

  const exportHtml = async () => {
    if (!checked) return;
    setBusy('export');
    setError(null);
    try {
      const response = await postCheck(`/api/v1/check/html?lang=${lang}`, checked.photos, checked.refs);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'proofdesk-report.html';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError(t('check.failed'));
    } finally {
      setBusy(null);
    }
  };

  const report = checked?.reports[selected];
  const { findings, derived, regions, markedRegions, heatmap } = evidenceMarks(report?.findings);
  const refIndex = derived?.ref ? (checked?.refs.findIndex((f) => f.name === derived.ref?.file) ?? -1) : -1;
  const refSrc = refIndex >= 0 ? refUrls[refIndex] : undefined;
  const width = report?.width ?? 0;
  const height = report?.height ?? 0;
  const photoSrc = photoUrls[selected];

  const dragger = (
    list: UploadFile[],
    setList: (l: UploadFile[]) => void,
    label: string,
    hint: string,
    icon: ReactNode,
  ) => (
    <div role="group" aria-label={label}>
      <Upload.Dragger
        multiple
        accept={ACCEPT_ATTRIBUTE}
        fileList={list}
        beforeUpload={() => false}
        onChange={({ fileList }) => setList(fileList)}
      >
        <p className="ant-upload-drag-icon">{icon}</p>
        <p className="ant-upload-text">{label}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
    </div>
  );

  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('check.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('check.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button onClick={() => (setPhotoList([]), setRefList([]), setChecked(null))} disabled={busy !== null}>
            {t('check.clear')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportHtml()}
            disabled={!checked}
            loading={busy === 'export'}
          >
            {t('check.export')}
          </Button>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => void run()}
            disabled={photos.length === 0}
            loading={busy === 'check'}
          >
            {t('check.run')}
          </Button>
        </Space>
      </div>

      <div className="pd-check-drops">
        {dragger(photoList, setPhotoList, t('check.photos'), t('check.photosHint'), <CameraOutlined />)}
        {dragger(refList, setRefList, t('check.refs'), t('check.refsHint'), <PictureOutlined />)}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}

      {checked && (
        <div className="pd-claim-grid" style={{ marginTop: 16 }}>
          <div className="pd-stack">
            <Card
              title={t('check.reports')}
              extra={
                report && (
                  <OverlayToggles
                    overlay={overlay}
                    onOverlay={setOverlay}
                    canOverlay={markedRegions.length > 0 || !!heatmap}
                    compare={compare}
                    onCompare={setCompare}
                    canCompare={!!refSrc}
                  />
                )
              }
            >
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <div className="pd-thumbs" role="group" aria-label={t('check.reports')}>
                  {checked.reports.map((r, i) => (
                    <button
                      key={`${r.file}-${i}`}
                      type="button"
                      className="pd-thumb"
                      aria-pressed={i === selected}
                      aria-label={`${t('evidence.photoN', { n: i + 1 })} · ${r.file} · ${t(`verdict.${r.verdict}`)}`}
                      onClick={() => setSelected(i)}
                    >
                      {r.width > 0 ? <img src={photoUrls[i]} alt="" /> : <span className="pd-muted">?</span>}
                      <span className="pd-thumb-badge" style={{ background: VERDICT_COLOURS[r.verdict] }} />
                    </button>
                  ))}
                </div>
                {report && (
                  <Space size={8} wrap>
                    <Tag color={VERDICT_COLOURS[report.verdict]}>
                      {t(`verdict.${report.verdict}`)} · {report.score.toFixed(2)}
                    </Tag>
                    <span className="pd-muted pd-mono">{report.file}</span>
                  </Space>
                )}
                {report && photoSrc && width > 0 && compare && refSrc ? (
                  <CompareSlider claimSrc={photoSrc} refSrc={refSrc} width={width} height={height} regions={regions} />
                ) : report && photoSrc && width > 0 ? (
                  <PhotoViewer
                    src={photoSrc}
                    alt={report.file}
                    width={width}
                    height={height}
                    regions={markedRegions}
                    heatmapSrc={heatmap}
                    showOverlay={overlay}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('check.notAnImage')} />
                )}
              </Space>
            </Card>
          </div>
          <div className="pd-stack">
            <FindingsCard findings={findings} />
          </div>
        </div>
      )}
    </>
  );
}
