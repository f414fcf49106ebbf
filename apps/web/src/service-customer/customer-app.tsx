/**
 * The repair customer's pages, phone first and without the console's UI kit: booking a visit
 * (`/repair/book/<workspace slug>`) and following it by the link sent after booking (`/repair/status?token=…`),
 * where the customer confirms the repair and rates it, or cancels.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { PublicHeader } from '../buyer/public-header';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { publicCall, type Candidate, type CustomerOrder, type Slot } from './customer-api';
import { ComplaintLinkPage, CustomerComplaints } from './customer-complaints';
import { CustomerEmailUpdates } from './customer-email-updates';

const FAULTS = [
  'fingerprint_not_recognised',
  'motor_jammed',
  'battery_drained',
  'forgotten_password',
  'door_wont_lock',
  'other',
] as const;
const SLOTS: readonly Slot[] = ['morning', 'afternoon', 'evening'];
const STEPS = ['reported', 'assigned', 'on_the_way', 'on_site', 'done'] as const;

function stepOf(status: string): number {
  switch (status) {
    case 'reported':
      return 0;
    case 'assigned':
    case 'accepted':
    case 'rescheduled':
    case 'needs_parts':
      return 1;
    case 'on_the_way':
      return 2;
    case 'on_site':
      return 3;
    default:
      return 4;
  }
}

function shanghaiDate(ms = Date.now()): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function Header() {
  const { t } = useI18n();
  return <PublicHeader title={t('cust.book.title')} />;
}

/** Candidates the server answered for an ambiguous area, wherever it put them in the error. */
function candidatesOf(error: unknown): Candidate[] {
  const body = (error as { body?: unknown }).body as
    { error?: { details?: unknown; candidates?: unknown } } | undefined;
  const found: Candidate[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.code === 'string' && typeof o.fullName === 'string')
        found.push({ code: o.code, fullName: o.fullName });
      else Object.values(o).forEach(visit);
    }
  };
  visit(body?.error);
  return found;
}

function BookingPage({ slug }: { readonly slug: string }) {
  const { t, pick } = useI18n();
  const [form, setForm] = useState({
    name: '',
    phone: '',
    area: '',
    address: '',
    productLine: '',
    serial: '',
    fault: '',
    description: '',
    date: shanghaiDate(Date.now() + 86_400_000),
    slot: 'morning' as Slot,
  });
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const answer = await publicCall<{ statusToken: string; order?: { number: string } }>(
        'POST',
        `/workspaces/${encodeURIComponent(slug)}/repair-orders`,
        {
          customer: { name: form.name, phone: form.phone, address: form.address },
          ...(areaCode ? { areaCode } : { areaText: form.area }),
          ...(form.productLine ? { productLine: form.productLine } : {}),
          ...(form.serial ? { serial: form.serial } : {}),
          faultCategory: form.fault,
          description: form.description.trim() || t(`svc.fault.${form.fault as 'other'}`),
          preferredDate: form.date,
          preferredSlot: form.slot,
        },
      );
      window.location.assign(`/repair/status?token=${encodeURIComponent(answer.statusToken)}`);
    } catch (e) {
      const found = candidatesOf(e);
      if (found.length > 1) setCandidates(found);
      setError(e instanceof ApiError ? pick(e.text) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: MessageKey, input: React.ReactNode, id: string) => (
    <div className="c-field">
      <label htmlFor={id}>{t(key)}</label>
      {input}
    </div>
  );

  return (
    <main className="b-main">
      <h1>{t('cust.book.title')}</h1>
      <p className="b-muted">{t('cust.book.subtitle')}</p>
      <form className="b-card c-form" onSubmit={(e) => void submit(e)}>
        {field(
          'svc.intake.name',
          <input id="c-name" required value={form.name} onChange={(e) => set({ name: e.target.value })} />,
          'c-name',
        )}
        {field(
          'svc.intake.phone',
          <input
            id="c-phone"
            required
            inputMode="tel"
            pattern="(\+?86)?1\d{10}"
            value={form.phone}
            onChange={(e) => set({ phone: e.target.value })}
          />,
          'c-phone',
        )}
        {field(
          'svc.intake.area',
          <input
            id="c-area"
            required
            placeholder={t('svc.intake.areaHint')}
            value={form.area}
            onChange={(e) => {
              set({ area: e.target.value });
              setAreaCode(null);
              setCandidates([]);
            }}
          />,
          'c-area',
        )}
        {candidates.length > 1 && (
          <fieldset className="c-candidates">
            <legend>{t('svc.intake.ambiguous')}</legend>
            {candidates.map((c) => (
              <label key={c.code} className="c-radio">
                <input
                  type="radio"
                  name="c-area-pick"
                  checked={areaCode === c.code}
                  onChange={() => {
                    setAreaCode(c.code);
                    setError(null);
                  }}
                />
                {c.fullName}
              </label>
            ))}
          </fieldset>
        )}
        {field(
          'svc.intake.address',
          <input id="c-address" required value={form.address} onChange={(e) => set({ address: e.target.value })} />,
          'c-address',
        )}
        {field(
          'cust.book.productLine',
          <input id="c-line" value={form.productLine} onChange={(e) => set({ productLine: e.target.value })} />,
          'c-line',
        )}
        {field(
          'cust.book.serial',
          <input id="c-serial" value={form.serial} onChange={(e) => set({ serial: e.target.value })} />,
          'c-serial',
        )}
        {field(
          'svc.intake.fault',
          <select id="c-fault" required value={form.fault} onChange={(e) => set({ fault: e.target.value })}>
            <option value="" disabled>
              —
            </option>
            {FAULTS.map((f) => (
              <option key={f} value={f}>
                {t(`svc.fault.${f}`)}
              </option>
            ))}
          </select>,
          'c-fault',
        )}
        {field(
          'svc.intake.description',
          <textarea
            id="c-desc"
            rows={3}
            value={form.description}
            onChange={(e) => set({ description: e.target.value })}
          />,
          'c-desc',
        )}
        {field(
          'svc.intake.date',
          <input
            id="c-date"
            type="date"
            required
            min={shanghaiDate()}
            value={form.date}
            onChange={(e) => set({ date: e.target.value })}
          />,
          'c-date',
        )}
        <fieldset className="c-slots">
          <legend>{t('svc.intake.slot')}</legend>
          {SLOTS.map((s) => (
            <label key={s} className={`c-slot${form.slot === s ? ' is-chosen' : ''}`}>
              <input type="radio" name="c-slot" checked={form.slot === s} onChange={() => set({ slot: s })} />
              {t(`svc.slot.${s}`)}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="b-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="b-button" disabled={busy}>
          {t('cust.book.submit')}
        </button>
        <p className="b-muted c-small">{t('cust.book.privacy')}</p>
      </form>
    </main>
  );
}

function StatusPage({ token }: { readonly token: string | null }) {
  const { t, pick } = useI18n();
  const [order, setOrder] = useState<CustomerOrder | null>(null);
  const [problem, setProblem] = useState<string | null>(token ? null : t('cust.status.missing'));
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const base = token ? `/repair-orders/${encodeURIComponent(token)}` : '';

  const refresh = useCallback(async () => {
    if (!token) return;
    try {
      setOrder(await publicCall<CustomerOrder>('GET', base));
      setProblem(null);
    } catch (e) {
      setProblem(
        e instanceof ApiError && [401, 403, 404, 410].includes(e.status) ? t('cust.status.invalid') : String(e),
      );
    }
  }, [token, base]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), 15_000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const act = async (what: 'confirm' | 'cancel') => {
    setNote(null);
    try {
      await publicCall(
        'POST',
        `${base}/${what}`,
        what === 'confirm' ? { rating, ...(comment ? { comment } : {}) } : {},
      );
      setNote(what === 'confirm' ? t('cust.status.thanks') : t('cust.status.cancelled'));
      await refresh();
    } catch (e) {
      setNote(e instanceof ApiError ? pick(e.text) : String(e));
    }
  };

  const step = order ? stepOf(order.status) : 0;
  const done = !!order?.canConfirm;
  const confirmed = !!order?.confirmedAt;
  const cancellable = !!order?.canCancel;
  return (
    <main className="b-main">
      <h1>{t('cust.status.title')}</h1>
      {!order && !problem && <p role="status">{t('common.loading')}</p>}
      {problem && (
        <div className="b-error" role="alert">
          <strong>{problem}</strong>
        </div>
      )}
      {order && (
        <>
          <section className="b-card" aria-labelledby="c-order">
            <h2 id="c-order">
              {t('cust.status.number')} <span className="b-mono">{order.number}</span>
            </h2>
            {order.status === 'cancelled' ? (
              <p className="b-error">{t('cust.status.cancelled')}</p>
            ) : (
              <ol className="b-steps c-steps" aria-label={t('cust.status.title')}>
                {STEPS.map((s, i) => (
                  <li
                    key={s}
                    className={i < step ? 'done' : i === step ? 'now' : ''}
                    aria-current={i === step ? 'step' : undefined}
                  >
                    <span className="b-dot" />
                    {t(`cust.status.step.${s}`)}
                  </li>
                ))}
              </ol>
            )}
            <dl className="b-facts">
              {order.statusLabel && (
                <>
                  <dt>{t('svc.order.status')}</dt>
                  <dd>{pick(order.statusLabel)}</dd>
                </>
              )}
              <dt>{t('cust.status.fault')}</dt>
              <dd>{t(`svc.fault.${order.faultCategory as 'other'}`)}</dd>
              <dt>{t('cust.status.booked')}</dt>
              <dd>
                {order.bookedDate ?? order.preferredDate}{' '}
                {t(`svc.slot.${(order.bookedSlot ?? order.preferredSlot) as Slot}`)}
              </dd>
              {order.technicianName && (
                <>
                  <dt>{t('cust.status.technician')}</dt>
                  <dd>{order.technicianName}</dd>
                </>
              )}
              {order.areaName && (
                <>
                  <dt>{t('svc.order.area')}</dt>
                  <dd>{order.areaName}</dd>
                </>
              )}
            </dl>
          </section>
          {done && !confirmed && (
            <section className="b-card" aria-labelledby="c-confirm">
              <h2 id="c-confirm">{t('cust.status.confirm')}</h2>
              <fieldset className="c-stars">
                <legend>{t('cust.status.rating')}</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className={`c-star${n <= rating ? ' is-on' : ''}`}>
                    <input type="radio" name="c-rating" checked={rating === n} onChange={() => setRating(n)} />
                    <span aria-hidden>★</span>
                    <span className="c-sr">{n}</span>
                  </label>
                ))}
              </fieldset>
              <label className="b-label" htmlFor="c-comment">
                {t('cust.status.comment')}
              </label>
              <textarea id="c-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
              <button type="button" className="b-button" onClick={() => void act('confirm')}>
                {t('cust.status.confirm')}
              </button>
            </section>
          )}
          {confirmed && <p className="b-ok">{t('cust.status.thanks')}</p>}
          {cancellable && (
            <button type="button" className="c-link" onClick={() => void act('cancel')}>
              {t('cust.status.cancel')}
            </button>
          )}
          {note && (
            <p className="b-muted" role="status">
              {note}
            </p>
          )}
          {token && !['closed', 'cancelled'].includes(order.status) && <CustomerEmailUpdates token={token} />}
          {token && order.status !== 'cancelled' && <CustomerComplaints token={token} />}
        </>
      )}
    </main>
  );
}

export function CustomerApp() {
  const path = window.location.pathname;
  const book = /^\/repair\/book\/([^/]+)/.exec(path);
  return (
    <div className="b-page">
      <Header />
      {path.startsWith('/repair/complaint') ? (
        <ComplaintLinkPage token={new URLSearchParams(window.location.search).get('token')} />
      ) : book ? (
        <BookingPage slug={decodeURIComponent(book[1]!)} />
      ) : (
        <StatusPage token={new URLSearchParams(window.location.search).get('token')} />
      )}
    </div>
  );
}
