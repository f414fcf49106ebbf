import { Segmented } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';

/** 中文 | English, labelled for screen readers. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.switch')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zh'), value: 'zh' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
