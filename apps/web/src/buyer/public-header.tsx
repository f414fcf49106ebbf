import { useI18n } from '../i18n/i18n';

/**
 * The header of the public, phone-first pages (the buyer's claim page, the repair customer's booking and status
 * pages, the official-channel check): the mark, the page's title and the language switch.
 */
export function PublicHeader({ title }: { readonly title: string }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="b-header">
      <div className="b-brand">
        <span className="b-logo" aria-hidden>
          ✓
        </span>
        <span>{title}</span>
      </div>
      <button
        type="button"
        className="b-lang"
        aria-label={t('lang.switch')}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {lang === 'zh' ? 'English' : '中文'}
      </button>
    </header>
  );
}
