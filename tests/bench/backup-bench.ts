import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticBackupFile } from '../e2e/support/backup-file';
import { ChromiumSession } from '../e2e/support/chromium';

export interface BackupTimes {
  papers: number;
  bytes: number;
  /** From choosing the file to the summary on the page. */
  importMs: number;
  /** JSON.parse of the same file and one raw IndexedDB transaction putting its papers, same page. */
  importFloorMs: number;
  /** From clicking "Export JSON backup" to the download starting. */
  exportMs: number;
  /** One raw IndexedDB getAll of those papers and JSON.stringify of them, same page. */
  exportFloorMs: number;
}

/** Records, in the options page, when a file was chosen, when the import summary appeared and when a download began. */
const PROBE = `
  (() => {
    document.addEventListener('change', () => { window.__chosenAt = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.__importedAt === undefined && [...document.querySelectorAll('[role=status]')].some((el) => /^Imported/.test(el.textContent))) {
        window.__importedAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) window.__downloadAt = performance.now();
      return click.call(this);
    };
  })();
`;

type Probe = '__chosenAt' | '__importedAt' | '__downloadAt';
const read = (page: Page, key: Probe) => page.evaluate((k) => (window as unknown as Record<string, number>)[k]!, key);
const waitFor = (page: Page, key: Probe) =>
  page.waitForFunction((k) => (window as unknown as Record<string, number>)[k] !== undefined, key, {
    timeout: 120_000,
  });

/**
 * The least any import and export of `source` must do, measured with bare IndexedDB in a scratch
 * database (deleted afterwards) of the same page: parse and put every paper in one transaction;
 * read them all back with one getAll and stringify them. Runs in the page (self-contained).
 */
async function rawRoundTrip(source: string): Promise<{ importFloorMs: number; exportFloorMs: number }> {
  const done = (request: IDBRequest | IDBTransaction) =>
    new Promise((resolve, reject) => {
      if ('oncomplete' in request) request.oncomplete = resolve;
      else request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const open = indexedDB.open('import-floor', 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('papers', { keyPath: 'id' });
    store.createIndex('read', 'read');
    store.createIndex('saved', 'saved');
  };
  const db = (await done(open)) as IDBDatabase;
  const t0 = performance.now();
  const { papers } = JSON.parse(source) as { papers: unknown[] };
  const write = db.transaction('papers', 'readwrite');
  for (const paper of papers) write.objectStore('papers').put(paper);
  await done(write);
  const t1 = performance.now();
  const all = await done(db.transaction('papers').objectStore('papers').getAll());
  JSON.stringify(all);
  const t2 = performance.now();
  db.close();
  await done(indexedDB.deleteDatabase('import-floor'));
  return { importFloorMs: t1 - t0, exportFloorMs: t2 - t1 };
}

/**
 * Imports a synthesized backup of `papers` read papers (a tenth saved) through the options page
 * of the built extension in Chromium, then exports it again, timing both next to the bare work
 * on the same file in the same page (see rawRoundTrip).
 */
export async function backupRoundTrip(papers: number): Promise<BackupTimes> {
  const text = syntheticBackupFile({ papers });
  const session = await ChromiumSession.launch();
  try {
    await session.context.addInitScript(PROBE);
    const page = await session.context.newPage();
    await page.goto(session.url('options.html'));
    await page.getByRole('heading', { name: 'Keywords' }).waitFor();
    // A path, not a buffer: the browser reads the file itself, as when a user picks it.
    const path = join(session.profileDir, 'backup.json');
    writeFileSync(path, text);
    await page.getByLabel('Import a backup (JSON)').setInputFiles(path);
    await waitFor(page, '__importedAt');
    const importMs = (await read(page, '__importedAt')) - (await read(page, '__chosenAt'));

    const download = page.waitForEvent('download');
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Export JSON backup', exact: true }).click();
    await download;
    const exportMs = (await read(page, '__downloadAt')) - clickedAt;

    // tsx keeps function names by wrapping inner functions in `__name(…)`, which pages lack.
    await page.evaluate('globalThis.__name ??= (fn) => fn');
    const floor = await page.evaluate(rawRoundTrip, text);
    return { papers, bytes: text.length, importMs, exportMs, ...floor };
  } finally {
    await session.close();
    session.dispose();
  }
}
