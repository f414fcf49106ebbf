/**
 * Status e-mails on the repair status page (issue 8): the customer leaves an address and every later status change of
 * the order is e-mailed with the status link; they can stop it again. The server seals the address with the link and
 * answers it masked. No login: the status link's token is the credential.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { publicCall } from './customer-api';

const W = {
  title: { zh: '邮件通知', en: 'E-mail updates' },
  intro: {
    zh: '留下邮箱，工单状态每次变化都会发邮件通知您（附本页链接）。',
    en: 'Leave an e-mail address and every change of this order is e-mailed to you, with a link to this page.',
  },
  email: { zh: '邮箱地址', en: 'E-mail address' },
  subscribe: { zh: '开启邮件通知', en: 'Send me updates' },
  subscribed: { zh: '已开启，通知将发送至', en: 'Updates go to' },
  stop: { zh: '停止邮件通知', en: 'Stop the e-mails' },
  stopped: { zh: '已停止邮件通知', en: 'E-mail updates stopped' },
} as const;

export function CustomerEmailUpdates({ token }: { readonly token: string }) {
  const { lang, pick } = useI18n();
  const w = (key: keyof typeof W) => W[key][lang];
  const [email, setEmail] = useState('');
  const [masked, setMasked] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/repair-orders/${encodeURIComponent(token)}/notifications`;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setNote(null);
    try {
      await action();
    } catch (e) {
      setNote(e instanceof ApiError ? pick(e.text) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const subscribe = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await publicCall<{ email: string }>('POST', path, {
        email: email.trim(),
        locale: lang === 'zh' ? 'zh-CN' : 'en',
      });
      setMasked(answer.email);
      setEmail('');
    });
  };
  const stop = () =>
    void run(async () => {
      await publicCall('DELETE', path);
      setMasked(null);
      setNote(w('stopped'));
    });

  return (
    <section className="b-card" aria-labelledby="c-email-title">
      <h2 id="c-email-title">{w('title')}</h2>
      <p className="b-muted">{w('intro')}</p>
      {masked ? (
        <>
          <p className="b-ok" data-testid="email-updates-on">
            {w('subscribed')} {masked}
          </p>
          <button type="button" className="c-link" disabled={busy} onClick={stop}>
            {w('stop')}
          </button>
        </>
      ) : (
        <form onSubmit={subscribe}>
          <label className="b-label" htmlFor="c-email">
            {w('email')}
          </label>
          <input
            id="c-email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" className="b-button" disabled={busy || email.trim() === ''}>
            {w('subscribe')}
          </button>
        </form>
      )}
      {note && (
        <p className="b-muted" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
