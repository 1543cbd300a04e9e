import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/options';
import { launchExtension, type ExtensionSession } from './support/extension';

const fixtures = resolve(__dirname, '../fixtures/arxiv');
const tenPapers = readFileSync(join(fixtures, 'current-query-testing-10.xml'), 'utf8');

/** The search queries arXiv received, decoded. */
function queries(session: ExtensionSession): string[] {
  return session.arxiv.requests.map((r) => new URL(r.url).searchParams.get('search_query') ?? '');
}

describe('the options page: welcome, import and export', () => {
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
    const welcome = await OptionsPage.opened(session);
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

  it('exports the keywords as the Daily Papers README and as a backup, and imports the backup back', async () => {
    options = await OptionsPage.open(session);
    await options.addKeyword('testing');
    await expect.poll(() => options.keywords()).toEqual(['diffusion models', 'testing']);
    const markdown = await options.export('Markdown');
    expect(markdown.name).toMatch(/^daily-papers-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.text.startsWith('# Daily Papers')).toBe(true);
    expect(markdown.text).toContain('## testing');
    expect(markdown.text).toContain('| **Title** | **Date** | **Abstract** | **Comment** |');

    const backup = await options.export('JSON backup');
    expect(backup.name).toMatch(/\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'daily-papers-backup' });

    await options.removeKeyword('testing');
    await expect.poll(() => options.keywords()).toEqual(['diffusion models']);
    // The removal is stored once its Undo has gone.
    await options.page.getByText('Removed “testing”.').waitFor({ state: 'detached', timeout: 30_000 });
    await options.importBackup({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
    await options.page
      .getByRole('status')
      .filter({ hasText: /^Imported 1 keyword/ })
      .waitFor();
    await expect.poll(() => options.keywords()).toEqual(['diffusion models', 'testing']);
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
    expect(await options.keywords()).toEqual(['diffusion models', 'testing']);
  });

  it('never sent two arXiv requests closer than 3 s', () => {
    // The welcome's keyword and the added one each had a first check: a gap needs at least two.
    expect(session.arxiv.requests.length).toBeGreaterThanOrEqual(2);
    expect(session.arxiv.smallestGapMs(), session.arxiv.closestPair()).toBeGreaterThanOrEqual(3_000);
  });
});

describe('the options page with 200 keywords', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: tenPapers });
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('imports a 200-line keyword list of the longest keywords, keeps their order and shows the room left', async () => {
    const options = await OptionsPage.open(session);
    const lines = Array.from({ length: 200 }, (_, i) => `topic ${String(i).padStart(3, '0')} ${'x'.repeat(190)}`);
    expect(lines.every((line) => line.length === 200)).toBe(true);
    await options.importKeywordList({
      name: 'keywords.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    });
    await options.page
      .getByRole('status')
      .filter({ hasText: /^Added 200 keywords\./ })
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => options.keywords(), { timeout: 15_000 }).toEqual(lines);
    await expect
      .poll(() => options.room())
      .toMatch(/^Sync storage: 5\d\.\d of 100 KB used · about \d+ more keywords fit$/);
    // Another page reads the same list back from storage.
    const again = await OptionsPage.open(session);
    await expect.poll(() => again.keywords(), { timeout: 15_000 }).toEqual(lines);
    await again.page.close();
    await options.page.close();
  });
});
