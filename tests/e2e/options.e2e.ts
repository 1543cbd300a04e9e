import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/options';
import { launchExtension, type ExtensionSession } from './support/extension';

const fixtures = resolve(__dirname, '../fixtures/arxiv');
const tenPapers = readFileSync(join(fixtures, 'current-query-testing-10.xml'), 'utf8');
const errorFeed = readFileSync(join(fixtures, 'current-error-400-bad-id.xml'), 'utf8');

/** The search queries arXiv received, decoded. */
function queries(session: ExtensionSession): string[] {
  return session.arxiv.requests.map((r) => new URL(r.url).searchParams.get('search_query') ?? '');
}

describe('the options page', () => {
  let session: ExtensionSession;
  let options: OptionsPage;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: tenPapers });
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('opens with a welcome on install, where an example keyword is one click away', async () => {
    const isOptions = (url: string) => url.endsWith('/options.html');
    await expect.poll(() => session.context.pages().some((p) => isOptions(p.url())), { timeout: 10_000 }).toBe(true);
    const welcome = new OptionsPage(session.context.pages().find((p) => isOptions(p.url()))!);
    await welcome.page.getByRole('heading', { name: 'Welcome to Daily Papers' }).waitFor();
    await welcome.page.getByRole('button', { name: 'Add example keyword diffusion models' }).click();
    await expect.poll(() => welcome.keywords()).toEqual(['diffusion models']);
    // The worker watches the list: the new keyword's first check starts at once.
    await expect
      .poll(() => queries(session), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('diffusion models'));
    await welcome.page.getByRole('button', { name: 'Got it' }).click();
    await welcome.page.getByRole('heading', { name: 'Welcome to Daily Papers' }).waitFor({ state: 'detached' });
    await welcome.page.close();
  });

  it('edits every field of a keyword and refuses what arXiv would reject', async () => {
    options = await OptionsPage.open(session);
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

  it('imports nothing from a file that is not a backup, and says why', async () => {
    await options.importBackup({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": 1}'),
    });
    await options.error
      .filter({
        hasText: 'Nothing was imported: This is not a Daily Papers backup (no "format": "daily-papers-backup" field).',
      })
      .waitFor();
    expect(await options.keywords()).toEqual(['software testing', 'diffusion models']);
  });

  it('exports the keywords as the Daily Papers README', async () => {
    const file = await options.export('Markdown');
    expect(file.name).toMatch(/^daily-papers-\d{4}-\d{2}-\d{2}\.md$/);
    expect(file.text.startsWith('# Daily Papers')).toBe(true);
    expect(file.text).toContain('## software testing');
    expect(file.text).toContain('| **Title** | **Date** | **Abstract** | **Comment** |');
  });

  it('looks right (docs/options.png)', async () => {
    const editor = await options.edit('software testing');
    await editor.getByRole('button', { name: 'Test' }).click();
    await editor.getByText('214,881 papers match. The newest:').waitFor();
    await options.page.setViewportSize({ width: 900, height: 1200 });
    mkdirSync(resolve(__dirname, '../../docs'), { recursive: true });
    await options.page.screenshot({ path: resolve(__dirname, '../../docs/options.png'), fullPage: true });
  });

  it('never sent two arXiv requests closer than 3 s', () => {
    expect(session.arxiv.smallestGapMs()).toBeGreaterThanOrEqual(3_000);
  });
});
