/**
 * The public official-channel check, phone first and without the console's UI kit: `/verify/<workspace slug>`, with
 * `?t=<technician code>` when opened from the QR on a technician's work order (it checks at once), or `?q=<input>`.
 * Shows the verdict and the brand's real channels for the customer's district.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { PublicHeader } from '../buyer/public-header';
import { useI18n } from '../i18n/i18n';
import { channels as loadChannels, verify, type ChannelsAnswer, type VerifyAnswer } from './verify-api';
import { VERIFY_TEXT, type VerifyTextKey } from './verify-text';

function useText() {
  const { lang } = useI18n();
  return useCallback(
    (key: VerifyTextKey, params: Readonly<Record<string, string>> = {}) =>
      Object.entries(params).reduce(
        (text, [name, value]) => text.replace(`{${name}}`, value),
        VERIFY_TEXT[key][lang] as string,
      ),
    [lang],
  );
}

function slugFromPath(): string | null {
  const match = /^\/verify\/([^/?#]+)/.exec(window.location.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function Header() {
  const text = useText();
  return <PublicHeader title={text('title')} />;
}

const TECH_LABEL: Readonly<Record<string, { zh: string; en: string }>> = {
  hotline: { zh: '官方热线', en: 'Official hotline' },
  website: { zh: '官方网站', en: 'Official website' },
  outlet: { zh: '官方服务网点', en: 'Official outlet' },
  outlet_phone: { zh: '官方网点电话', en: 'Official outlet phone' },
  technician: { zh: '认证师傅', en: 'Verified technician' },
};

function Verdict({ answer }: { readonly answer: VerifyAnswer }) {
  const { pick } = useI18n();
  const text = useText();
  const tone = answer.verdict === 'official' ? 'ok' : answer.verdict === 'not_official' ? 'bad' : 'unknown';
  const badge =
    answer.verdict === 'official'
      ? text('official')
      : answer.verdict === 'not_official'
        ? text('notOfficial')
        : text('unknown');
  return (
    <section
      className={`b-card v-verdict v-${tone}`}
      aria-live="polite"
      data-testid="verdict"
      data-verdict={answer.verdict}
    >
      <div className="v-badge">
        <span className="v-icon" aria-hidden>
          {tone === 'ok' ? '✓' : tone === 'bad' ? '✕' : '?'}
        </span>
        <strong>{badge}</strong>
      </div>
      {answer.input.display && (
        <p className="v-input">
          <span className="b-muted">{text('youEntered')}</span> <span className="b-mono">{answer.input.display}</span>
        </p>
      )}
      <p className="v-text">{pick(answer.text)}</p>
      {answer.match && (
        <dl className="b-facts">
          <dt>{pick(TECH_LABEL[answer.match.kind] ?? { zh: '', en: '' })}</dt>
          <dd>{answer.match.label}</dd>
          {answer.match.outletName && answer.match.kind !== 'outlet' && (
            <>
              <dt>{text('outlet')}</dt>
              <dd>{answer.match.outletName}</dd>
            </>
          )}
          {answer.match.orderAreaName && (
            <>
              <dt>{text('orderArea')}</dt>
              <dd>{answer.match.orderAreaName}</dd>
            </>
          )}
          {answer.match.validUntil && (
            <>
              <dt>{text('validUntil')}</dt>
              <dd>{new Date(answer.match.validUntil).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}</dd>
            </>
          )}
        </dl>
      )}
      {answer.lookalike && (
        <p className="v-lookalike">
          {text('lookalike')}: <span className="b-mono">{answer.lookalike.officialDomain}</span>
        </p>
      )}
      {answer.verdict !== 'official' && <p className="b-guide">{text('safety')}</p>}
    </section>
  );
}

function Channels({ data }: { readonly data: ChannelsAnswer }) {
  const text = useText();
  const { channels, district, brand } = data;
  return (
    <section className="b-card" data-testid="channels">
      <h2>{district ? text('channelsFor', { district: district.fullName }) : text('channelsNational', { brand })}</h2>
      {channels.hotlines.length > 0 && (
        <>
          <h3 className="v-sub">{text('hotlines')}</h3>
          <ul className="v-list">
            {channels.hotlines.map((h) => (
              <li key={h.display}>
                <a className="v-tel" href={`tel:${h.display.replace(/[^\d]/g, '')}`}>
                  {h.display}
                </a>
                <span className="b-muted">
                  {h.label} · {h.areaName ?? text('nationwide')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {channels.websites.length > 0 && (
        <>
          <h3 className="v-sub">{text('websites')}</h3>
          <ul className="v-list">
            {channels.websites.map((w) => (
              <li key={w.domain}>
                <span className="b-mono">{w.domain}</span>
                <span className="b-muted">{w.label}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="v-sub">{text('outlets')}</h3>
      {channels.outlets.length === 0 ? (
        <p className="b-muted">{district ? text('noOutletsHere') : text('noOutlets')}</p>
      ) : (
        <ul className="v-list">
          {channels.outlets.map((o) => (
            <li key={o.name}>
              <strong>{o.name}</strong>
              <span className="b-muted">
                {o.areaName && !o.address.startsWith(o.areaName) ? `${o.areaName} · ` : ''}
                {o.address}
              </span>
              {o.phones.map((p) => (
                <a key={p} className="v-tel" href={`tel:${p.replace(/[^\d]/g, '')}`}>
                  {p}
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VerifyApp() {
  const { pick } = useI18n();
  const text = useText();
  const slug = slugFromPath();
  const params = new URLSearchParams(window.location.search);
  const [input, setInput] = useState(params.get('t') ?? params.get('q') ?? '');
  const [area, setArea] = useState(params.get('area') ?? '');
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [base, setBase] = useState<ChannelsAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  const run = useCallback(
    async (value: string, where: string) => {
      if (!slug || value.trim() === '') return;
      setBusy(true);
      setError(null);
      try {
        setAnswer(await verify(slug, value, where));
      } catch (e) {
        setError(e instanceof ApiError ? pick(e.text) : String(e));
      } finally {
        setBusy(false);
      }
    },
    [slug, pick],
  );

  useEffect(() => {
    if (started.current || !slug) return;
    started.current = true;
    loadChannels(slug, area)
      .then(setBase)
      .catch((e: unknown) => setError(e instanceof ApiError ? pick(e.text) : String(e)));
    if (input.trim() !== '') void run(input, area);
  }, [slug, area, input, run, pick]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(input, area);
  };

  const brand = answer?.brand ?? base?.brand ?? '';
  const shown: ChannelsAnswer | null = answer ? answer : base;

  return (
    <>
      <Header />
      <main className="b-main">
        {!slug ? (
          <p className="b-error">{text('noBrand')}</p>
        ) : (
          <>
            <section className="b-card">
              <h1>{brand ? text('heading', { brand }) : text('title')}</h1>
              <p className="b-muted">{text('intro')}</p>
              <form className="c-form v-form" onSubmit={submit}>
                <div className="c-field">
                  <label htmlFor="v-input">{text('inputLabel')}</label>
                  <input
                    id="v-input"
                    value={input}
                    inputMode="text"
                    autoComplete="off"
                    placeholder={text('inputPlaceholder')}
                    onChange={(e) => setInput(e.target.value)}
                  />
                </div>
                <div className="c-field">
                  <label htmlFor="v-area">{text('areaLabel')}</label>
                  <input
                    id="v-area"
                    value={area}
                    autoComplete="address-level2"
                    placeholder={text('areaPlaceholder')}
                    onChange={(e) => setArea(e.target.value)}
                  />
                </div>
                <button type="submit" className="b-button" disabled={busy || input.trim() === ''}>
                  {busy ? text('checking') : text('submit')}
                </button>
              </form>
              <p className="b-muted v-scan">{text('scanHint')}</p>
              {error && (
                <p className="b-error" role="alert">
                  {error}
                </p>
              )}
            </section>
            {answer && (answer.areaNote || answer.areaCandidates.length > 0) && (
              <section className="b-card" data-testid="area-pick">
                {answer.areaNote && <p className="b-muted">{pick(answer.areaNote)}</p>}
                <div className="v-picks">
                  {answer.areaCandidates.map((c) => (
                    <button
                      key={c.code}
                      type="button"
                      className="b-lang v-pick"
                      onClick={() => {
                        setArea(c.fullName);
                        void run(input, c.fullName);
                      }}
                    >
                      {c.fullName}
                    </button>
                  ))}
                </div>
              </section>
            )}
            {answer && <Verdict answer={answer} />}
            {shown && <Channels data={shown} />}
          </>
        )}
      </main>
    </>
  );
}
