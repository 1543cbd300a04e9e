import type { Keyword } from '../../lib/keywords/keyword';
import { ClearPanel } from './clear-panel';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';
import { PersonalisationPanel } from './personalisation-panel';

/** Everything the user owns, out (export) and in (import), and the way to delete it all. */
export function DataSection({ keywords }: { keywords: readonly Keyword[] }) {
  return (
    <section className="panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <ExportPanel keywords={keywords} />
      <ImportPanel />
      <PersonalisationPanel />
      <ClearPanel keywordCount={keywords.length} />
    </section>
  );
}
