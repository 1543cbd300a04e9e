import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyword } from '../../lib/keywords/keyword';
import { atomFeed, entry } from '../unit/helpers';
import { PopupPage } from './pages/popup';
import { e2eBrowser, launchExtension, type ExtensionSession } from './support/extension';
import { CHROMIUM_EXTENSION_DIR } from './support/chromium';
import { FIREFOX_EXTENSION_DIR } from './support/firefox';
import { pageJsGzip, pageJsGzipWithLazy, POPUP_EAGER_BUDGET, POPUP_WITH_TEX_BUDGET } from '../bench/bundle-size';
import { seedKeywords, waitForIdleCheck } from './support/seed';

/** Feed text written to run code if it were ever treated as HTML. */
const hostile = entry('2611.06666', {
  title: 'Attack <img src=x onerror="window.__injected=1"> on $\\href{javascript:window.__injected=2}{x}$',
  summary:
    'Abstract <script>window.__injected=3</script> and <a href="javascript:window.__injected=4">link</a>. ' +
    'Code: https://github.com.evil.example/x/y, https://user@github.com/x/y, https://evil.example/github.com/x/y, ' +
    'javascript://github.com/x/y and <a href="https://github.com/ok/repo"><img src=x onerror="window.__injected=7"></a>',
  authors: [{ name: 'javascript:window.__injected=5', affiliations: [] }],
  comment: '<b onmouseover="window.__injected=6">bold</b> javascript:alert(1)',
  doi: undefined,
});

describe('untrusted feed content', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: atomFeed([hostile]) });
    const start = Date.now();
    await seedKeywords(session, [createKeyword('attack')]);
    await waitForIdleCheck(session, start);
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('is shown as text and nothing in it runs', async () => {
    const popup = await PopupPage.open(session);
    await popup.papers().first().waitFor();
    const card = popup.papers().first();
    await expect.poll(() => card.textContent()).toContain('<img src=x onerror="window.__injected=1">');
    expect(await card.textContent()).toContain('javascript:window.__injected=5');
    expect(await card.textContent()).toContain('<b onmouseover="window.__injected=6">bold</b>');
    // Open the abstract, hover and click around: still nothing runs.
    const expand = card.getByRole('button', { name: /abstract/i }).first();
    await expand.click();
    expect(await card.textContent()).toContain('<script>window.__injected=3</script>');
    await card.hover();
    expect(await popup.page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    expect(await popup.page.locator('img[src="x"], script:not([src]), b[onmouseover]').count()).toBe(0);
  });

  it('links only to arXiv and doi.org, built from the validated id, and to a validated code link', async () => {
    const popup = await PopupPage.open(session);
    await popup.papers().first().waitFor();
    const hrefs = await popup.page.locator('a[href]').attributes('href');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(
        /^(https:\/\/arxiv\.org\/(abs|pdf)\/2611\.06666$|https:\/\/doi\.org\/|https:\/\/github\.com\/ok\/repo$|(chrome|moz)-extension:\/\/|#)/,
      );
    }
    // Of the look-alikes in the abstract, only the one real code host became a link.
    expect(hrefs.filter((href) => href?.includes('github'))).toEqual(['https://github.com/ok/repo']);
  });
});

describe('the built manifest and bundle', () => {
  const EXTENSION_DIR = e2eBrowser() === 'firefox' ? FIREFOX_EXTENSION_DIR : CHROMIUM_EXTENSION_DIR;
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks for exactly the permissions the features need', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications']);
    expect(manifest.host_permissions).toEqual(['https://export.arxiv.org/*']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('keeps the default content security policy and loads no remote code', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    for (const file of readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(EXTENSION_DIR, file), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
      expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
    }
  });

  it('keeps the popup within its size budget, with and without TeX', () => {
    expect(pageJsGzip(EXTENSION_DIR, 'popup.html')).toBeLessThanOrEqual(POPUP_EAGER_BUDGET);
    const withTex = pageJsGzipWithLazy(EXTENSION_DIR, 'popup.html');
    // KaTeX is loaded only when a paper has TeX: it must be a lazy chunk, and counted.
    expect(withTex.lazy.some((file) => file.includes('katex'))).toBe(true);
    expect(withTex.bytes).toBeLessThanOrEqual(POPUP_WITH_TEX_BUDGET);
  });
});
