import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS, MESSAGES, translate } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console messages', () => {
  const keys = new Set(LANGS.flatMap((lang) => Object.keys(MESSAGES[lang])));

  for (const lang of LANGS)
    it(`has every key in ${lang}, none empty`, () => {
      const missing = [...keys].filter((key) => !(key in MESSAGES[lang]));
      assert.deepEqual(missing, [], `keys missing in ${lang}`);
      const empty = Object.entries(MESSAGES[lang]).filter(([, text]) => text.trim() === '');
      assert.deepEqual(empty, [], `empty texts in ${lang}`);
    });

  it('uses the same placeholders in both languages', () => {
    const [first, ...others] = LANGS;
    for (const key of Object.keys(MESSAGES[first]) as (keyof (typeof MESSAGES)['zh'])[])
      for (const lang of others)
        assert.deepEqual(placeholders(MESSAGES[lang][key]), placeholders(MESSAGES[first][key]), key);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(translate('en', 'sla.left', { h: 3, m: 5 }), '3 h 5 min left');
    assert.equal(translate('zh', 'sla.left', { h: 3 }), '剩 3 小时 {m} 分');
  });

  it('writes Chinese in the zh texts (a few brand and format names aside)', () => {
    const latinOnly = Object.entries(MESSAGES.zh).filter(
      ([key, text]) =>
        !/[\u4e00-\u9fff]/.test(text) &&
        !['lang.en', 'common.yuan', 'provenance.sha256', 'sla.none', 'catalogue.sku'].includes(key),
    );
    assert.deepEqual(latinOnly, []);
  });
});
