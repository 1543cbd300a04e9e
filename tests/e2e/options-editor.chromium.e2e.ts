import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from './pages/options';
import { launchExtension, type ExtensionSession } from './support/extension';
import { screenshotPath } from './support/screenshots';

const fixtures = resolve(__dirname, '../fixtures/arxiv');
const tenPapers = readFileSync(join(fixtures, 'current-query-testing-10.xml'), 'utf8');
const errorFeed = readFileSync(join(fixtures, 'current-error-400-bad-id.xml'), 'utf8');

describe('the options page: the keyword editor', () => {
  let session: ExtensionSession;
  let options: OptionsPage;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: tenPapers });
    options = await OptionsPage.open(session);
    await options.addKeyword('diffusion models');
    await vi.waitFor(async () => expect(await options.keywords()).toEqual(['diffusion models']));
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('edits every field of a keyword and refuses what arXiv would reject', async () => {
    await options.addKeyword('testing');
    await expect.poll(() => options.keywords()).toEqual(['diffusion models', 'testing']);

    const editor = await options.edit('testing');
    await editor.getByLabel('Label', { exact: true }).fill('DIFFUSION MODELS');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('“diffusion models” is already in your list.').waitFor();

    await editor.getByLabel('Label', { exact: true }).fill('software testing');
    await editor.getByRole('button', { name: 'Add a term' }).click();
    await editor.getByLabel('Term 2', { exact: true }).fill('unit test');
    await editor.getByLabel('Term 2 matches').selectOption('words');
    await editor.getByLabel('Where to match').selectOption({ label: 'Title' });
    await editor.getByLabel('Categories', { exact: true }).fill('cs.XX');
    await editor.getByRole('button', { name: 'Add category' }).click();
    await editor.getByText('"cs.XX" is not in arXiv\'s list of categories: pick one of the suggestions.').waitFor();
    await editor.getByLabel('Categories', { exact: true }).fill('cs.se');
    await editor.getByRole('button', { name: 'Add category' }).click();
    await editor.getByRole('button', { name: 'Remove category cs.SE' }).waitFor();
    await editor.getByRole('button', { name: 'Add an excluded term' }).click();
    await editor.getByLabel('Excluded term 1', { exact: true }).fill('survey');

    // An advanced query that arXiv rejects is refused with the reason, and nothing is saved.
    await editor.getByLabel('Use an advanced arXiv query').check();
    await editor.getByLabel('arXiv query', { exact: true }).fill('ti:(unit test)');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText(/^Write ti:a AND ti:b instead of ti:\(…\) at position 1/).waitFor();
    expect(await options.keywords()).toEqual(['diffusion models', 'testing']);

    await editor.getByLabel('Use an advanced arXiv query').uncheck();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => options.keywords()).toEqual(['diffusion models', 'software testing']);
    expect(await options.row('software testing').locator('.keyword-summary').textContent()).toBe(
      'Title: “testing” or all of “unit test” · in cs.SE · without “survey”',
    );
  });

  it('tests a keyword through the worker, with arXiv’s own words when it refuses', async () => {
    const editor = await options.edit('software testing');
    const before = session.arxiv.requests.length;
    await editor.getByRole('button', { name: 'Test' }).click();
    await editor.getByText('214,881 papers match. The newest:').waitFor();
    expect(await editor.locator('.preview-papers li').count()).toBe(5);
    // One request, of five papers, for exactly the definition in the editor (checks may run meanwhile).
    const previews = session.arxiv.requests
      .slice(before)
      .map((request) => new URL(request.url).searchParams)
      .filter((params) => params.get('max_results') === '5');
    expect(previews.map((params) => params.get('search_query'))).toEqual([
      '(ti:"testing" OR (ti:unit AND ti:test)) AND cat:cs.SE ANDNOT ti:"survey"',
    ]);

    session.arxiv.serve({ status: 400, body: errorFeed });
    await editor.getByLabel('Excluded term 1', { exact: true }).fill('review');
    await editor.getByRole('button', { name: 'Test' }).click();
    await editor
      .getByRole('alert')
      .filter({ hasText: 'arXiv rejected the query: incorrect id format for abc.' })
      .waitFor();
    session.arxiv.serve({ body: tenPapers });
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
  });

  it('reorders keywords, and takes a removal back with Undo', async () => {
    await options.move('software testing', 'up');
    await expect.poll(() => options.keywords()).toEqual(['software testing', 'diffusion models']);
    await options.removeKeyword('diffusion models');
    await expect.poll(() => options.keywords()).toEqual(['software testing']);
    await options.undo();
    await expect.poll(() => options.keywords()).toEqual(['software testing', 'diffusion models']);
  });

  it('shows the editor with the test preview, every paper linked, without sideways scrolling', async () => {
    const editor = await options.edit('software testing');
    await editor.getByRole('button', { name: 'Test' }).click();
    await editor.getByText('214,881 papers match. The newest:').waitFor();
    await options.page.setViewportSize({ width: 900, height: 1200 });
    const links = await editor.locator('.preview-papers li a').attributes('href');
    expect(links).toHaveLength(5);
    for (const href of links) expect(href).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/);
    expect(
      await options.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
    ).toBe(false);
    // The README's picture (npm run screenshots copies it into docs/).
    await options.page.screenshot({ path: screenshotPath(session, 'options.png'), fullPage: true });
  });

  it('never sent two arXiv requests closer than 3 s', () => {
    // Two keywords' first checks and two previews: a gap needs at least two requests.
    expect(session.arxiv.requests.length).toBeGreaterThanOrEqual(4);
    expect(session.arxiv.smallestGapMs(), session.arxiv.closestPair()).toBeGreaterThanOrEqual(3_000);
  });
});
