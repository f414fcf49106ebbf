/**
 * The customer's complaints on the repair status page (issue 8): file one about the order, its technician or its
 * outlet; follow each; confirm the resolution or reopen it saying why. Also the page a complaint's own link opens
 * (`/repair/complaint?token=…`, for complaints taken by the hotline or a merchant). No login; nothing but the
 * complaint's own words and states is shown.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { publicCall } from './customer-api';

type CustomerComplaint = Schemas['CustomerComplaint'];
type About = 'repair_order' | 'technician' | 'outlet';

const W = {
  title: { zh: '投诉与反馈', en: 'Complaints' },
  intro: {
    zh: '对服务不满意？提交后 2 个工作小时内受理，超时将自动升级处理。',
    en: 'Not happy with the service? We acknowledge within 2 working hours; a late answer is escalated automatically.',
  },
  about: { zh: '投诉对象', en: 'About' },
  repair_order: { zh: '本次维修', en: 'This repair' },
  technician: { zh: '上门师傅', en: 'The technician' },
  outlet: { zh: '服务网点', en: 'The outlet' },
  text: { zh: '请描述问题', en: 'What went wrong' },
  submit: { zh: '提交投诉', en: 'Submit complaint' },
  filed: { zh: '已提交，我们会尽快联系您', en: 'Submitted; we will contact you soon' },
  resolution: { zh: '处理结果', en: 'Resolution' },
  confirm: { zh: '已解决，确认', en: 'Resolved, confirm' },
  reopen: { zh: '未解决，重新打开', en: 'Not resolved, reopen' },
  reason: { zh: '请说明仍未解决的原因', en: 'Say what is still wrong' },
  confirmed: { zh: '感谢您的确认', en: 'Thank you for confirming' },
  reopened: { zh: '已重新打开，我们会再次处理', en: 'Reopened; we will work on it again' },
  number: { zh: '投诉编号', en: 'Complaint' },
  missing: { zh: '链接无效或已失效', en: 'This link is not valid' },
  loading: { zh: '加载中…', en: 'Loading…' },
} as const;

function ComplaintCard({
  complaint,
  onAnswer,
}: {
  readonly complaint: CustomerComplaint;
  readonly onAnswer: (answer: 'confirm' | 'reopen', comment: string) => Promise<void>;
}) {
  const { pick } = useI18n();
  const [reason, setReason] = useState('');
  const id = `cc-${complaint.id}`;
  return (
    <article className="b-card" aria-labelledby={id} data-testid="customer-complaint" data-status={complaint.status}>
      <h3 id={id}>
        {pick(W.number)} <span className="b-mono">{complaint.number}</span> · {pick(complaint.statusLabel)}
      </h3>
      <p>{complaint.description}</p>
      {complaint.resolution && (
        <p>
          <strong>{pick(W.resolution)}：</strong>
          {complaint.resolution}
        </p>
      )}
      {complaint.canConfirm && (
        <button type="button" className="b-button" onClick={() => void onAnswer('confirm', '')}>
          {pick(W.confirm)}
        </button>
      )}
      {complaint.canReopen && (
        <>
          <label className="b-label" htmlFor={`${id}-reason`}>
            {pick(W.reason)}
          </label>
          <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button
            type="button"
            className="c-link"
            disabled={!reason.trim()}
            onClick={() => void onAnswer('reopen', reason).then(() => setReason(''))}
          >
            {pick(W.reopen)}
          </button>
        </>
      )}
    </article>
  );
}

/** The complaints section of the status page, for the order behind `token`. */
export function CustomerComplaints({ token }: { readonly token: string }) {
  const { pick } = useI18n();
  const base = `/repair-orders/${encodeURIComponent(token)}/complaints`;
  const [list, setList] = useState<CustomerComplaint[]>([]);
  const [about, setAbout] = useState<About>('repair_order');
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    setList(await publicCall<CustomerComplaint[]>('GET', base));
  }, [base]);
  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);
  const fail = (e: unknown) => setNote(e instanceof ApiError ? pick(e.text) : String(e));
  const file = async () => {
    setNote(null);
    try {
      await publicCall('POST', base, { about, description: text });
      setText('');
      setNote(pick(W.filed));
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const answer = async (complaintId: string, what: 'confirm' | 'reopen', comment: string) => {
    setNote(null);
    try {
      await publicCall('POST', `${base}/${encodeURIComponent(complaintId)}/${what}`, comment ? { comment } : {});
      setNote(pick(what === 'confirm' ? W.confirmed : W.reopened));
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <section className="b-card" aria-labelledby="c-complaints" data-testid="customer-complaints">
      <h2 id="c-complaints">{pick(W.title)}</h2>
      {list.map((c) => (
        <ComplaintCard key={c.id} complaint={c} onAnswer={(what, comment) => answer(c.id, what, comment)} />
      ))}
      <p className="b-muted">{pick(W.intro)}</p>
      <label className="b-label" htmlFor="c-complaint-about">
        {pick(W.about)}
      </label>
      <select
        id="c-complaint-about"
        style={{ display: 'block', width: '100%', padding: 8, fontSize: 16, marginBottom: 8 }}
        value={about}
        onChange={(e) => setAbout(e.target.value as About)}
      >
        {(['repair_order', 'technician', 'outlet'] as const).map((a) => (
          <option key={a} value={a}>
            {pick(W[a])}
          </option>
        ))}
      </select>
      <label className="b-label" htmlFor="c-complaint-text">
        {pick(W.text)}
      </label>
      <textarea
        id="c-complaint-text"
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" className="b-button" disabled={!text.trim()} onClick={() => void file()}>
        {pick(W.submit)}
      </button>
      {note && (
        <p className="b-muted" role="status">
          {note}
        </p>
      )}
    </section>
  );
}

/** The page a complaint's own link opens. */
export function ComplaintLinkPage({ token }: { readonly token: string | null }) {
  const { pick } = useI18n();
  const [complaint, setComplaint] = useState<CustomerComplaint | null>(null);
  const [note, setNote] = useState<string | null>(token ? null : pick(W.missing));
  const base = `/complaints/${encodeURIComponent(token ?? '')}`;
  useEffect(() => {
    if (!token) return;
    publicCall<CustomerComplaint>('GET', base).then(setComplaint, () => setNote(pick(W.missing)));
  }, [token, base, pick]);
  const answer = async (what: 'confirm' | 'reopen', comment: string) => {
    try {
      setComplaint(await publicCall<CustomerComplaint>('POST', `${base}/${what}`, comment ? { comment } : {}));
      setNote(pick(what === 'confirm' ? W.confirmed : W.reopened));
    } catch (e) {
      setNote(e instanceof ApiError ? pick(e.text) : String(e));
    }
  };
  return (
    <main className="b-main">
      <h1>{pick(W.title)}</h1>
      {!complaint && !note && <p role="status">{pick(W.loading)}</p>}
      {complaint && <ComplaintCard complaint={complaint} onAnswer={answer} />}
      {note && (
        <p className="b-muted" role="status">
          {note}
        </p>
      )}
    </main>
  );
}
