import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyword } from '../../lib/keywords/keyword';
import { PopupPage, seedLibrary } from './pages/popup';
import { badgeText, launchExtension, type ExtensionSession } from './support/extension';
import { screenshotPath } from './support/screenshots';
import { writeKeywords } from './support/seed';

const fixtures = resolve(__dirname, '../fixtures/arxiv');
const tenPapers = readFileSync(join(fixtures, 'current-query-testing-10.xml'), 'utf8');

const TEX_TITLE = 'Property-Based Testing of $\\mathcal{O}(n \\log n)$ Sorting Networks';
const CJK_TITLE = '面向深度学习框架的差分测试：Differential Testing of Deep Learning Frameworks';
const LONG_WORD = 'Metamorphictestingframeworkforquantumcircuitcompilerswithoutanywordbreaks';

function entryXml(id: string, title: string, authors: string[], summary: string, extra = ''): string {
  // Submitted on the day of its id, so that every list puts them in the same order.
  const published = `20${id.slice(0, 2)}-${id.slice(2, 4)}-${id.slice(5, 7)}T18:00:00Z`;
  return `<entry>
    <id>http://arxiv.org/abs/${id}</id>
    <title>${title}</title>
    <updated>${published}</updated>
    <summary>${summary}</summary>
    <category term="cs.SE" scheme="http://arxiv.org/schemas/atom"/>
    <published>${published}</published>
    <arxiv:primary_category term="cs.SE"/>
    ${authors.map((name) => `<author><name>${name}</name></author>`).join('')}
    ${extra}
  </entry>`;
}

/** The recorded answer with three papers that stress the layout on top: TeX, many authors, CJK, a revision. */
// A function, not a string: a replacement string would read "$$" as an escaped "$".
const library = tenPapers.replace('<entry>', () =>
  [
    entryXml(
      '2611.19001v1',
      TEX_TITLE,
      Array.from({ length: 14 }, (_, i) => `Author Number${i + 1}`),
      'We test sorting networks in $\\Theta(n \\log^2 n)$ comparisons and show that $$\\sum_{i=1}^{n} x_i \\le 2^n$$ holds.',
    ),
    entryXml(
      '2611.05002v1',
      CJK_TITLE,
      ['李飞飞', 'Ярослав Мудрый', 'Σωκράτης Παπαδόπουλος'],
      `Differential testing in many languages, including ${LONG_WORD}.`,
    ),
    entryXml(
      '2611.18003v3',
      `Regression testing with ${LONG_WORD}`,
      ['Grace Hopper'],
      'A revised paper. Code: https://github.com/grace/regression-testing.',
      '<arxiv:doi>10.1145/1234567.7654321</arxiv:doi><arxiv:comment>Accepted at ICSE 2027</arxiv:comment>',
    ),
    '<entry>',
  ].join('\n'),
);

/** Adds a keyword as the options page would (the worker then checks it); returns its id. */
async function addKeyword(popup: PopupPage, text: string): Promise<string> {
  const keyword = createKeyword(text);
  await writeKeywords(popup.page, [keyword]);
  await popup.tab(text).waitFor();
  return keyword.id;
}

describe('the popup over a stored library', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: library });
    const popup = await PopupPage.open(session);
    await addKeyword(popup, 'testing');
    await popup.checkNow();
    await popup.papers().nth(12).waitFor();
    await popup.page.close();
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('shows counts, typesets TeX, highlights the keyword and never scrolls sideways', async () => {
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.tab('testing').getAttribute('aria-label')).toBe('testing, 13 unread');
    expect(await popup.tab('All new').getAttribute('aria-label')).toBe('All new, 13 unread');
    const tex = popup.paper(TEX_TITLE);
    await tex.locator('.paper-title .katex').waitFor();
    expect(await tex.locator('.paper-authors').textContent()).toBe(
      'Author Number1, Author Number2, Author Number3 +11',
    );
    expect(await tex.locator('.paper-title mark').first().textContent()).toBe('Testing');
    const revised = popup.paper(`Regression testing with ${LONG_WORD}`);
    expect(await revised.locator('.paper-meta').textContent()).toContain('updated v3');
    expect(await revised.getByRole('link', { name: 'DOI' }).getAttribute('href')).toBe(
      'https://doi.org/10.1145/1234567.7654321',
    );
    // Venue and code at a glance: the badge from the comment, the code link from the abstract.
    expect(await revised.locator('.venue-badge').textContent()).toBe('Venue: ICSE 2027');
    const code = revised.getByRole('link', { name: 'Code: github.com/grace/regression-testing' });
    expect(await code.textContent()).toBe('github.com/grace/regression-testing');
    expect(await code.getAttribute('href')).toBe('https://github.com/grace/regression-testing');
    expect(await code.getAttribute('rel')).toBe('noopener noreferrer');
    // The popup takes its body's width; other widths stand for a differently sized popup.
    for (const width of [420, 460, 480]) {
      await popup.page.setViewportSize({ width, height: 600 });
      await popup.page.evaluate((w) => (document.body.style.width = `${w}px`), width);
      await tex.getByRole('button', { name: 'Show abstract' }).click();
      expect(await popup.scrollsSideways()).toBe(false);
      await tex.getByRole('button', { name: 'Hide abstract' }).click();
    }
    await popup.page.close();
  });

  it('moves with j/k, saves with s, toggles read with r and opens with o', async () => {
    const popup = await PopupPage.open(session);
    await popup.papers().nth(12).waitFor();
    const ids = await popup.paperIds();
    await popup.press('j');
    expect(await popup.focusedPaperId()).toBe(ids[0]);
    await popup.press('j', 'j', 'k');
    expect(await popup.focusedPaperId()).toBe(ids[1]);
    await popup.press('s');
    await expect.poll(() => popup.tab('Saved').getAttribute('aria-label')).toBe('Saved, 1 paper');
    await popup.press('r');
    await expect.poll(() => badgeText(session)).toBe('12');
    expect(await popup.papers().nth(1).getAttribute('class')).toBe('paper');
    await popup.press('r');
    await expect.poll(() => badgeText(session)).toBe('13');
    await popup.press('ArrowDown');
    const url = await session.urlOfTabOpenedBy(() => popup.press('o'));
    expect(url).toBe(`https://arxiv.org/abs/${ids[2]}`);
    await expect.poll(() => badgeText(session)).toBe('12');
    await popup.page.close();
  });

  it('filters as you type and reopens on the last tab', async () => {
    const popup = await PopupPage.open(session);
    await popup.search('hopper');
    await expect.poll(() => popup.titles()).toEqual([`Regression testing with ${LONG_WORD}`]);
    await popup.search('Мудрый');
    await expect.poll(() => popup.titles()).toEqual([CJK_TITLE]);
    await popup.search('');
    await popup.tab('Saved').click();
    await expect.poll(() => popup.papers().count()).toBe(1);
    await popup.page.close();
    const again = await PopupPage.open(session);
    await expect.poll(() => again.selectedTab().getAttribute('aria-label')).toBe('Saved, 1 paper');
    await again.tab('testing').click();
    await again.page.close();
  });

  it('marks a whole keyword read and takes it back', async () => {
    const popup = await PopupPage.open(session);
    await popup.page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => badgeText(session)).toBe('');
    expect(await popup.unreadTitles()).toEqual([]);
    await popup.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => badgeText(session)).toBe('12');
    await popup.page.close();
  });

  it('opens as a full tab on the list a notification points to', async () => {
    const popup = await PopupPage.open(session, { query: '?view=tab&keyword=new', width: 1280, height: 800 });
    await expect.poll(() => popup.selectedTab().getAttribute('aria-label')).toBe('All new, 12 unread');
    expect(await popup.page.getByRole('button', { name: 'Open in tab' }).count()).toBe(0);
    const width = await popup.page.locator('main.popup').width();
    expect(width).toBeLessThanOrEqual(760);
    expect(width).toBeGreaterThan(600);
    await popup.page.close();
  });

  it('follows the light and dark theme, fits the popup and links every paper', async () => {
    const expected = {
      light: { background: 'rgb(255, 255, 255)', text: 'rgb(29, 29, 31)' },
      dark: { background: 'rgb(31, 32, 35)', text: 'rgb(232, 234, 237)' },
    };
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await PopupPage.open(session, { colorScheme });
      await popup.tab('testing').click();
      expect(await popup.colours()).toEqual(expected[colorScheme]);
      const tex = popup.paper(TEX_TITLE);
      await tex.getByRole('button', { name: 'Show abstract' }).click();
      // Inline math in the sentence, the $$…$$ formula set apart.
      await tex.locator('.paper-abstract .tex-display .katex-display').waitFor();
      expect(await popup.scrollsSideways()).toBe(false);
      const ids = await popup.paperIds();
      expect(ids).toHaveLength(13);
      expect(await popup.page.locator('article.paper .paper-title a').attributes('href')).toEqual(
        ids.map((id) => `https://arxiv.org/abs/${id}`),
      );
      await popup.page.clickAt(5, 5);
      await popup.page.evaluate(() => document.fonts.ready.then(() => undefined));
      // The README's pictures (npm run screenshots copies them into docs/).
      await popup.page.screenshot({ path: screenshotPath(session, `popup-${colorScheme}.png`) });
      await popup.page.close();
    }
  });
});

describe('the popup with a large library', () => {
  let session: ExtensionSession;
  let keywordId: string;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: tenPapers });
    const popup = await PopupPage.open(session);
    // Keep 1,000 papers per keyword (the maximum) from the start, so no check prunes the library.
    await popup.page.evaluate(() =>
      ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync.set({
        settings: { schedule: { mode: 'follow-arxiv' }, notifications: true, papersPerKeyword: 1000, theme: 'system' },
        settings$: { v: 1 },
      }),
    );
    keywordId = await addKeyword(popup, 'testing');
    await popup.checkNow();
    await popup.page.close();
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  // How fast the first cards paint is measured by the benchmark (npm run bench), not asserted here.
  it('opens on a 20,000-paper library with only the first page of cards and true counts', async () => {
    const popup = await PopupPage.open(session);
    await seedLibrary(popup.page, keywordId, 1_000);
    await popup.page.close();
    const check = await PopupPage.open(session);
    await expect.poll(() => check.papers().count(), { timeout: 15_000 }).toBe(30);
    await expect
      .poll(() => check.tab('testing').getAttribute('aria-label'), { timeout: 15_000 })
      .toBe('testing, 670 unread');
    await check.page.close();
  });
});
