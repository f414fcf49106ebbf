import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError, type BuyerClaim } from '../api/client';
import { ACCEPT_ATTRIBUTE, checkUpload, MAX_UPLOAD_BYTES, uploadPhoto } from '../api/upload';
import { dateTime, yuan } from '../app/format';
import { useI18n } from '../i18n/i18n';
import { PublicHeader } from './public-header';
import type { MessageKey } from '../i18n/messages';

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly claim: BuyerClaim }
  | {
      readonly state: 'failed';
      readonly problem: 'expired' | 'invalid' | 'missingToken' | 'other';
      readonly error?: ApiError;
    };

interface UploadState {
  readonly name: string;
  readonly pct: number;
  readonly done: boolean;
}

const STEPS = ['submitted', 'checking', 'review', 'done'] as const;

/** Where the claim is, in the buyer's words (the buyer never sees verdicts or scores). */
function stepOf(status: BuyerClaim['status']): number {
  switch (status) {
    case 'submitted':
      return 0;
    case 'analysing':
    case 'awaiting_merchant':
      return 1;
    case 'in_review':
    case 'appealed':
      return 2;
    case 'approved':
    case 'partially_approved':
    case 'rejected':
    case 'final':
    case 'withdrawn':
      return 3;
  }
}

function tokenFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('token');
}

function claimUrl(token: string, path = ''): string {
  return `/api/v1/buyer/claim${path}?token=${encodeURIComponent(token)}`;
}

/** The buyer's page behind a signed link: the claim, its progress, and adding photos with guidance and progress. */
export function BuyerPage() {
  const { t, lang, pick } = useI18n();
  const token = tokenFromUrl();
  const [load, setLoad] = useState<Load>(token ? { state: 'loading' } : { state: 'failed', problem: 'missingToken' });
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [appealReason, setAppealReason] = useState('');
  const [appealDone, setAppealDone] = useState(false);

  const refresh = useCallback(async () => {
    if (!token) return;
    const response = await fetch(claimUrl(token), { headers: { accept: 'application/json' } });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) setLoad({ state: 'ready', claim: body as BuyerClaim });
    else {
      const apiError = toApiError(response.status, body);
      setLoad({
        state: 'failed',
        problem:
          response.status === 410
            ? 'expired'
            : response.status === 401 || response.status === 403
              ? 'invalid'
              : 'other',
        error: apiError,
      });
    }
  }, [token]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), 15_000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const appeal = async () => {
    if (!token) return;
    setError(null);
    const response = await fetch(claimUrl(token, '/appeal'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: appealReason.trim() }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      setAppealDone(true);
      setLoad({ state: 'ready', claim: body as BuyerClaim });
    } else setError(pick(toApiError(response.status, body).text));
  };

  const add = async (files: FileList) => {
    if (!token) return;
    setError(null);
    for (const file of Array.from(files)) {
      const check = checkUpload(file);
      if (!check.ok) {
        setError(
          check.problem === 'format'
            ? t('upload.wrongFormat')
            : t('upload.tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 }),
        );
        continue;
      }
      const index = uploads.length;
      setUploads((list) => [...list, { name: file.name, pct: 0, done: false }]);
      const set = (patch: Partial<UploadState>) =>
        setUploads((list) => list.map((u, i) => (i === index ? { ...u, ...patch } : u)));
      try {
        await uploadPhoto(claimUrl(token, '/evidence'), file, (f) => set({ pct: Math.round(f * 100) }));
        set({ pct: 100, done: true });
        await refresh();
      } catch (e) {
        setUploads((list) => list.filter((_, i) => i !== index));
        const apiError = e as ApiError;
        setError(
          apiError.status === 415
            ? t('upload.wrongFormat')
            : apiError.status === 413
              ? t('upload.tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 })
              : apiError.status === 410
                ? t('buyer.expired')
                : t('upload.failed', { message: pick(apiError.text) }),
        );
      }
    }
  };

  return (
    <div className="b-page">
      <PublicHeader title={t('app.name')} />
      <main className="b-main">
        <h1>{t('buyer.title')}</h1>
        {load.state === 'loading' && <p role="status">{t('common.loading')}</p>}
        {load.state === 'failed' && (
          <div className="b-error" role="alert">
            <strong>{t(problemKey(load.problem))}</strong>
            {load.error && load.problem === 'other' && <p>{pick(load.error.text)}</p>}
          </div>
        )}
        {load.state === 'ready' && (
          <>
            <section className="b-card" aria-labelledby="b-claim">
              <h2 id="b-claim">
                {t('buyer.claim')}{' '}
                <span className="b-mono">{load.claim.id.replace(/-/g, '').slice(-8).toUpperCase()}</span>
              </h2>
              <ol className="b-steps" aria-label={t('buyer.status')}>
                {STEPS.map((step, i) => (
                  <li
                    key={step}
                    className={i < stepOf(load.claim.status) ? 'done' : i === stepOf(load.claim.status) ? 'now' : ''}
                    aria-current={i === stepOf(load.claim.status) ? 'step' : undefined}
                  >
                    <span className="b-dot" />
                    {t(`buyer.step.${step}`)}
                  </li>
                ))}
              </ol>
              <dl className="b-facts">
                <dt>{t('buyer.status')}</dt>
                <dd>{t(`status.${load.claim.status}`)}</dd>
                <dt>{t('buyer.type')}</dt>
                <dd>{t(`type.${load.claim.type}`)}</dd>
                <dt>{t('buyer.amount')}</dt>
                <dd>¥{yuan(load.claim.amountFen)}</dd>
                <dt>{t('buyer.reason')}</dt>
                <dd>{load.claim.reason}</dd>
                {load.claim.decision && (
                  <>
                    <dt>{t('buyer.decision')}</dt>
                    <dd>
                      {t(`status.${load.claim.decision.outcome}`)}
                      {load.claim.decision.approvedAmountFen !== null &&
                        ` · ${t('buyer.approvedAmount')} ¥${yuan(load.claim.decision.approvedAmountFen)}`}
                    </dd>
                  </>
                )}
              </dl>
            </section>

            <section className="b-card" aria-labelledby="b-add">
              <h2 id="b-add">{t('buyer.addPhotos')}</h2>
              <div className="b-guide">
                <strong>{t('buyer.guideTitle')}</strong>
                <ul>
                  <li>{t('buyer.guide1')}</li>
                  <li>{t('buyer.guide2')}</li>
                  <li>{t('buyer.guide3')}</li>
                  <li>{t('buyer.guide4')}</li>
                </ul>
              </div>
              <input
                ref={input}
                id="b-file"
                type="file"
                accept={ACCEPT_ATTRIBUTE}
                multiple
                className="b-file"
                aria-label={t('buyer.choose')}
                onChange={(e) => {
                  if (e.target.files?.length) void add(e.target.files);
                  e.target.value = '';
                }}
              />
              <button type="button" className="b-button" onClick={() => input.current?.click()}>
                {t('buyer.choose')}
              </button>
              {error && (
                <p className="b-error" role="alert">
                  {error}
                </p>
              )}
              {uploads.map((u, i) => (
                <div key={i} className="b-upload">
                  <label>
                    <span>
                      {u.done
                        ? t('buyer.uploaded', { name: u.name })
                        : t('buyer.uploading', { name: u.name, pct: u.pct })}
                    </span>
                    <progress max={100} value={u.pct} />
                  </label>
                </div>
              ))}
            </section>

            {appealDone && (
              <p className="b-ok" role="status">
                {t('buyer.appealed')}
              </p>
            )}
            {load.claim.decision && load.claim.appealCount === 0 && load.claim.status !== 'final' && (
              <section className="b-card" aria-labelledby="b-appeal">
                <h2 id="b-appeal">{t('buyer.appealTitle')}</h2>
                <p className="b-muted">{t('buyer.appealHint')}</p>
                <label className="b-label">
                  {t('buyer.appealReason')}
                  <textarea
                    rows={3}
                    maxLength={5000}
                    value={appealReason}
                    onChange={(e) => setAppealReason(e.target.value)}
                  />
                </label>
                <button
                  type="button"
                  className="b-button"
                  disabled={!appealReason.trim()}
                  onClick={() => void appeal()}
                >
                  {t('buyer.appealSubmit')}
                </button>
              </section>
            )}

            <section className="b-card" aria-labelledby="b-photos">
              <h2 id="b-photos">{t('buyer.photos')}</h2>
              {load.claim.evidence.length === 0 ? (
                <p className="b-muted">{t('buyer.noPhotos')}</p>
              ) : (
                <ul className="b-photos">
                  {load.claim.evidence.map((e) => (
                    <li key={e.id}>
                      <span className="b-photo-name">{e.filename}</span>
                      <span className="b-muted">
                        {t(`buyer.submittedBy.${e.submittedBy}`)} · {dateTime(e.createdAt, lang)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
        <p className="b-footer b-muted">{t('buyer.footer')}</p>
      </main>
    </div>
  );
}

function problemKey(problem: 'expired' | 'invalid' | 'missingToken' | 'other'): MessageKey {
  return problem === 'expired'
    ? 'buyer.expired'
    : problem === 'invalid'
      ? 'buyer.invalid'
      : problem === 'missingToken'
        ? 'buyer.missingToken'
        : 'common.error';
}
