import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/app-db';
import type { Keyword } from '../../lib/keywords/keyword';
import { keywordHealth, type KeywordHealth } from '../../lib/keywords/keyword-health';
import { timeAgo } from '../../lib/ui/format';

/** A request share: whole numbers as they are, shares of a combined request to one decimal. */
function requests(share: number): string {
  return Number.isInteger(share) ? String(share) : `≈${share.toFixed(1)}`;
}

function lastSuccess(health: KeywordHealth | undefined): string {
  if (health?.lastSuccessAt !== undefined) return timeAgo(health.lastSuccessAt);
  return health?.lastCheckAt !== undefined ? 'never succeeded' : 'not checked yet';
}

/** How each keyword's checks are going, from the worker's records; updates live. */
export function HealthSection({ keywords }: { keywords: readonly Keyword[] }) {
  const report = useLiveQuery(
    () =>
      keywordHealth(
        getDb(),
        keywords.map((k) => k.id),
        Date.now(),
      ),
    [keywords],
  );
  const byId = new Map(report?.keywords.map((health) => [health.keywordId, health]));
  return (
    <section className="panel" aria-labelledby="health-heading">
      <h2 id="health-heading">Health</h2>
      <p className="hint">
        {report
          ? `Today: ${report.requestsToday} ${report.requestsToday === 1 ? 'request' : 'requests'} to arXiv in ${report.checksToday} ${report.checksToday === 1 ? 'check' : 'checks'}. `
          : ''}
        Keywords checked together share one request; each is counted its share.
      </p>
      {keywords.length === 0 ? (
        <p className="empty">Add a keyword to see how its checks go.</p>
      ) : (
        <div className="table-scroll">
          <table className="health">
            <thead>
              <tr>
                <th scope="col">Keyword</th>
                <th scope="col">Last success</th>
                <th scope="col">Papers stored</th>
                <th scope="col">Requests today</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {keywords.map((keyword) => {
                const health = byId.get(keyword.id);
                return (
                  <tr key={keyword.id}>
                    <th scope="row">{keyword.label}</th>
                    <td>{lastSuccess(health)}</td>
                    <td>{health?.papersStored ?? 0}</td>
                    <td>{requests(health?.requestsToday ?? 0)}</td>
                    <td className={health?.lastError ? 'keyword-error' : undefined}>{health?.lastError ?? 'None'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
