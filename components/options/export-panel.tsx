import { useId, useState } from 'react';
import { getDb } from '../../lib/db/app-db';
import type { ExportKind } from '../../lib/export/download-name';
import type { Keyword } from '../../lib/keywords/keyword';
import { buildExport } from '../../lib/keywords/keyword-export';
import { getSettings } from '../../lib/settings/settings';
import { downloadFile } from './download';
import { OutcomeLine, type Outcome } from './outcome-line';

const FORMATS: readonly { kind: ExportKind; name: string }[] = [
  { kind: 'markdown', name: 'Markdown' },
  { kind: 'bibtex', name: 'BibTeX' },
  { kind: 'json', name: 'JSON backup' },
];

/** Downloads one keyword or all as Markdown, BibTeX or a JSON backup. */
export function ExportPanel({ keywords }: { keywords: readonly Keyword[] }) {
  const scopeId = useId();
  const [scope, setScope] = useState('all');
  const [message, setMessage] = useState<Outcome>();
  const only = keywords.find((keyword) => keyword.id === scope);

  async function download(kind: ExportKind) {
    try {
      const file = await buildExport(getDb(), kind, keywords, await getSettings(), new Date(), only);
      downloadFile(file);
      setMessage({ ok: true, text: `Downloaded ${file.name}.` });
    } catch (error) {
      setMessage({ ok: false, text: `The export failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <div className="data-block">
      <h3>Export</h3>
      <p className="hint">
        Markdown: a table of papers per keyword, as the Daily Papers README. BibTeX: one entry per paper, for your
        reference manager. JSON backup: keywords, settings and the papers you saved or read, to import on another
        device.
      </p>
      <label htmlFor={scopeId}>What to export</label>
      <select id={scopeId} value={only ? scope : 'all'} onChange={(e) => setScope(e.target.value)}>
        <option value="all">All keywords</option>
        {keywords.map((keyword) => (
          <option key={keyword.id} value={keyword.id}>
            {keyword.label}
          </option>
        ))}
      </select>
      <div className="button-row">
        {FORMATS.map(({ kind, name }) => (
          <button key={kind} type="button" onClick={() => void download(kind)}>
            Export {name}
          </button>
        ))}
      </div>
      <OutcomeLine outcome={message} />
    </div>
  );
}
