import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, langFromLocale, loadConfig } from './config.js';

describe('config', () => {
  it('runs with no set-up', () => {
    const config = loadConfig({}, false);
    assert.equal(config.limits.maxBytes, 50 * 1024 * 1024);
    assert.equal(config.limits.maxPixels, 100_000_000);
    assert.equal(config.lang, 'zh');
  });
  it('lists every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PROOFDESK_MAX_BYTES: '0', PROOFDESK_DECODE_TIMEOUT_MS: '1.5' }, false),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 2,
    );
  });
  it('reads the language from the locale', () => {
    assert.equal(langFromLocale('zh_CN.UTF-8'), 'zh');
    assert.equal(langFromLocale('en_GB.UTF-8'), 'en');
    assert.equal(langFromLocale('C.UTF-8'), 'zh');
    assert.equal(langFromLocale(undefined), 'zh');
  });
});
