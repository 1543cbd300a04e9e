import { useId, useState, type ChangeEvent } from 'react';
import { getDb } from '../../lib/db/app-db';
import { parseBackup } from '../../lib/export/backup';
import { importBackup, importKeywordList } from '../../lib/keywords/keyword-import';
import { labelsChanged } from '../../lib/ranking/labels-changed';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { summariseBackupImport, summariseListImport, type ImportSummary } from './import-summary';
import { ImportProgress, type ImportProgressState } from './import-progress';

/** Larger files are no backup of ours (20,000 papers make about 36 MB). */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Lets the browser paint (the progress bar) before work that holds the page for a moment. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Outcome = { ok: true; summary: ImportSummary } | { ok: false; message: string };

/** Reads a JSON backup or a plain keyword list; a file that is not right changes nothing. */
export function ImportPanel() {
  const backupId = useId();
  const listId = useId();
  const [outcome, setOutcome] = useState<Outcome>();
  const [progress, setProgress] = useState<ImportProgressState>();

  async function handle(event: ChangeEvent<HTMLInputElement>, read: (text: string) => Promise<Outcome>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(undefined);
    try {
      if (file.size > MAX_FILE_BYTES) {
        setOutcome({ ok: false, message: `Nothing was imported: ${file.name} is too large to be a backup.` });
      } else {
        setOutcome(await read(await file.text()));
      }
    } catch (error) {
      setOutcome({ ok: false, message: `Nothing was imported: ${describeStorageError(error, 'the keywords')}` });
    } finally {
      setProgress(undefined);
      // Choosing the same file again (after fixing it) must fire another change.
      input.value = '';
    }
  }

  async function readBackup(text: string): Promise<Outcome> {
    setProgress({ stage: 'checking' });
    await nextPaint();
    // The whole file is checked before anything is written: a bad file changes nothing.
    const parsed = parseBackup(text);
    if (!parsed.ok) return { ok: false, message: `Nothing was imported: ${parsed.message}` };
    const report = await importBackup(getDb(), parsed.backup, (done, total) =>
      setProgress({ stage: 'saving', done, total }),
    );
    // Saved and hidden papers are the ranking's labels: the worker retrains from the restored ones.
    labelsChanged();
    return { ok: true, summary: summariseBackupImport(report) };
  }

  async function readList(text: string): Promise<Outcome> {
    const result = await importKeywordList(text);
    return { ok: true, summary: summariseListImport(result.added.length, result.skipped) };
  }

  return (
    <div className="data-block">
      <h3>Import</h3>
      <p className="hint">
        A backup adds the keywords you do not have yet, takes over its settings, and brings back which papers you saved
        or read. A keyword list is a text file with one keyword per line.
      </p>
      <label htmlFor={backupId}>Import a backup (JSON)</label>
      <input id={backupId} type="file" accept=".json,application/json" onChange={(e) => void handle(e, readBackup)} />
      <label htmlFor={listId}>Import a keyword list (text)</label>
      <input id={listId} type="file" accept=".txt,text/plain" onChange={(e) => void handle(e, readList)} />
      {progress && <ImportProgress state={progress} />}
      {outcome?.ok === false && (
        <p className="field-error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome?.ok && (
        <div role="status" className="import-result">
          <p>{outcome.summary.text}</p>
          {outcome.summary.skipped.length > 0 && (
            <>
              <p>Skipped:</p>
              <ul>
                {outcome.summary.skipped.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
