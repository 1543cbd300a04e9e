import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { badgeText, launchExtension, notificationIds, type ExtensionSession } from './support/extension';

const fixtures = resolve(__dirname, '../fixtures/arxiv');
const tenPapers = readFileSync(join(fixtures, 'current-query-testing-10.xml'), 'utf8');

/** The same answer with one newer paper on top, as arXiv serves it after an announcement. */
const NEW_TITLE = 'Testing Whether Browser Extensions Can Replace Mailing Lists';
const elevenPapers = tenPapers.replace(
  '<entry>',
  `<entry>
    <id>http://arxiv.org/abs/2611.01234v1</id>
    <title>${NEW_TITLE}</title>
    <updated>2026-11-20T18:00:00Z</updated>
    <link href="https://arxiv.org/abs/2611.01234v1" rel="alternate" type="text/html"/>
    <summary>We test things.</summary>
    <category term="cs.DL" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-11-20T18:00:00Z</published>
    <arxiv:comment>5 pages</arxiv:comment>
    <arxiv:primary_category term="cs.DL"/>
    <author><name>Grace Hopper</name></author>
  </entry>
  <entry>`,
);

describe('the whole path: options → worker → popup → notification', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: tenPapers });
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('rejects bad keywords with a specific message and adds a good one with Enter', async () => {
    const options = await OptionsPage.open(session);
    await options.addKeyword('');
    await expect.poll(() => options.error.textContent()).toBe('Type a keyword first.');
    await options.addKeyword('    ');
    await expect.poll(() => options.error.textContent()).toBe('A keyword cannot be only spaces.');
    await options.addKeyword('testing');
    await expect.poll(() => options.keywords()).toEqual(['testing']);
    await options.addKeyword('TESTING');
    await expect.poll(() => options.error.textContent()).toBe('“testing” is already in your list.');
    expect(await options.keywords()).toEqual(['testing']);
    await options.page.close();
  });

  it('checks from the popup and lists the papers without notifying', async () => {
    const popup = await PopupPage.open(session);
    await popup.checkNow();
    await expect.poll(() => popup.papers().count()).toBe(10);
    expect(await popup.tab('testing').getAttribute('aria-selected')).toBe('true');
    const first = popup.paper('Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques');
    await expect
      .poll(() => first.locator('.paper-authors').textContent())
      .toBe('Mohit Kumar Ahuja, Arnaud Gotlieb, Helge Spieker');
    expect(await first.locator('.paper-comment').textContent()).toBe(
      'Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022',
    );
    expect(await first.locator('time').textContent()).toBe('2022-02-24');
    expect(await first.locator('.paper-title a').getAttribute('href')).toBe('https://arxiv.org/abs/2202.12139');
    // The abstract is collapsed until asked for.
    const abstract = first.locator('.paper-abstract');
    expect(await abstract.isVisible()).toBe(false);
    await first.getByRole('button', { name: 'Show abstract' }).click();
    expect(await abstract.isVisible()).toBe(true);
    expect(await abstract.textContent()).toMatch(/^Deep Learning \(DL\) has revolutionized/);
    expect(await popup.unreadTitles()).toHaveLength(10);
    expect(await notificationIds(session)).toEqual([]);
    await expect.poll(() => badgeText(session)).toBe('10');
    await popup.page.close();
  });

  it('notifies once about a newer paper, shows it unread on top and counts it on the badge', async () => {
    session.arxiv.serve({ body: elevenPapers });
    const popup = await PopupPage.open(session);
    await popup.checkNow();
    await expect.poll(() => popup.papers().count()).toBe(11);
    expect((await popup.titles())[0]).toBe(NEW_TITLE);
    expect(await popup.status.textContent()).toMatch(/^Last checked just now · 1 new$/);
    await expect.poll(() => notificationIds(session)).toHaveLength(1);
    expect(await badgeText(session)).toBe('11');
    expect(await popup.tab('testing').getAttribute('aria-label')).toBe('testing, 11 unread');

    // Same answer again: nothing new, no second notification.
    await popup.checkNow();
    expect(await notificationIds(session)).toHaveLength(1);
    expect(await popup.papers().count()).toBe(11);
    await popup.page.close();
  });

  it('marks a paper read when it is opened and lowers the badge', async () => {
    const popup = await PopupPage.open(session);
    const paper = popup.paper(NEW_TITLE);
    const url = await session.urlOfTabOpenedBy(() => paper.getByRole('link', { name: NEW_TITLE }).click());
    expect(url).toBe('https://arxiv.org/abs/2611.01234');
    await expect.poll(() => popup.unreadTitles()).not.toContain(NEW_TITLE);
    await expect.poll(() => badgeText(session)).toBe('10');
    expect(await popup.tab('testing').getAttribute('aria-label')).toBe('testing, 10 unread');
    await popup.page.close();
  });

  it('keeps keywords and papers across a browser restart', async () => {
    await session.restart();
    const options = await OptionsPage.open(session);
    await expect.poll(() => options.keywords()).toEqual(['testing']);
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.papers().count()).toBe(11);
    expect(await popup.unreadTitles()).toHaveLength(10);
    await popup.page.close();
    await options.page.close();
  });

  it('removes a keyword and its papers', async () => {
    const options = await OptionsPage.open(session);
    await options.removeKeyword('testing');
    await expect.poll(() => options.keywords()).toEqual([]);
    const popup = await PopupPage.open(session);
    await popup.page.getByRole('button', { name: 'Add your first keyword' }).waitFor();
    await expect.poll(() => badgeText(session)).toBe('');
  });

  it('never sent two arXiv requests closer than 3 s', () => {
    expect(session.arxiv.requests.length).toBeGreaterThanOrEqual(3);
    expect(session.arxiv.smallestGapMs(), session.arxiv.closestPair()).toBeGreaterThanOrEqual(3_000);
  });
});
