/**
 * Debian's Chromium driven by playwright-core (no browser download), and screenshots kept under apps/web/artifacts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { translate, type Lang, type MessageKey } from '../../src/i18n/messages.js';
import { REPO_ROOT, type DemoServer } from './demo-server.js';

/** What every journey runs against: one demo server and one browser, started once for all journeys. */
export interface JourneyEnv {
  readonly server: DemoServer;
  readonly browser: Browser;
}

export const CHROMIUM = process.env.PROOFDESK_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(REPO_ROOT, 'apps/web/artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: run scripts/install-browser.sh (Debian's chromium and CJK fonts)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 375, height: 812 } as const;

/** A fresh context in `lang` (the console reads its choice from localStorage), at a desktop or phone size. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  lang: Lang,
  viewport: { width: number; height: number } = DESKTOP,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    ...(storageState ? { storageState } : {}),
    viewport,
    deviceScaleFactor: 1,
    locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
    timezoneId: 'Asia/Shanghai',
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  await context.addInitScript((value) => window.localStorage.setItem('proofdesk.lang', value), lang);
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * The visible controls on the page without an accessible name (none of: text, `aria-label`, `aria-labelledby`,
 * a `<label>`, `title`, an image's `alt`, a placeholder), as HTML snippets for the failure message.
 */
export async function controlsWithoutNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type=hidden])',
      'select',
      'textarea',
      '[role=button]',
      '[role=switch]',
      '[role=checkbox]',
      '[role=radio]',
      '[role=tab]',
      '[role=menuitem]',
      '[role=combobox]',
      '[role=slider]',
    ].join(',');
    const unnamed: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      const byIds = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' ');
      // Labelable elements (inputs, buttons, selects, text areas) take their name from a <label> around or for them.
      const labels =
        'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '') : [];
      const alt = Array.from(el.querySelectorAll('img[alt], svg[aria-label], [role=img][aria-label]'))
        .map((i) => i.getAttribute('alt') ?? i.getAttribute('aria-label') ?? '')
        .join(' ');
      const placeholder = el.getAttribute('placeholder') ?? '';
      const name = [
        el.getAttribute('aria-label'),
        byIds,
        labels.join(' '),
        el.getAttribute('title'),
        el.textContent,
        alt,
        placeholder,
      ]
        .filter((part) => part && part.trim() !== '')
        .join(' ')
        .trim();
      if (name === '') unnamed.push(el.outerHTML.slice(0, 200));
    }
    return unnamed;
  });
}

/**
 * Saves `<name>.<lang>.png` (full page) for people to look at, after checking that every visible control on the
 * screen has an accessible name.
 */
export async function screenshot(page: Page, name: string, lang: Lang): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const unnamed = await controlsWithoutNames(page);
  if (unnamed.length > 0)
    throw new Error(
      `${name} (${lang}): ${unnamed.length} control(s) without an accessible name:\n${unnamed.join('\n')}`,
    );
  // A full-page capture draws sticky bars where the viewport ended; show them where a reader sees them, at the top.
  const unstick = await page.addStyleTag({
    content: '.pd-sider, .pd-header, .b-header { position: relative !important; height: auto !important; }',
  });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.${lang}.png`), fullPage: true, animations: 'disabled' });
  await unstick.evaluate((el: Element) => el.remove());
}

/** The console's text for `key` in `lang` (locators use what the user reads). */
export function textOf(lang: Lang) {
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}

/**
 * GETs an API path with the page's own session cookie: sign-ins are rate-limited per IP (10 a minute), so the
 * journeys check results through the session they already have.
 */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs in through the console's form. */
export async function signIn(page: Page, email: string, password: string, lang: Lang): Promise<void> {
  const t = textOf(lang);
  await page.goto('/sign-in');
  await page.getByLabel(t('auth.email')).fill(email);
  await page.getByLabel(t('auth.password')).fill(password);
  await page.getByRole('button', { name: t('auth.signIn'), exact: true }).click();
}
