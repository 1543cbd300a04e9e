import type { CheckStatus } from '../../lib/check/check-status';
import { timeAgo } from '../../lib/ui/format';

interface StatusHeaderProps {
  status: CheckStatus | undefined;
  onCheckNow: () => void;
  onOpenOptions: () => void;
  canCheck: boolean;
}

/** What the last check did and what is happening now, in plain words. */
export function statusLine(status: CheckStatus | undefined, now = Date.now()): string {
  if (!status) return '';
  if (status.running) {
    const step = Math.min(status.done + 1, status.total);
    return status.current
      ? `Checking “${status.current}” (${step} of ${status.total})…`
      : `Checking ${status.total} keyword${status.total === 1 ? '' : 's'}…`;
  }
  if (!status.finishedAt) return 'Not checked yet.';
  const found = status.lastNewCount ? ` · ${status.lastNewCount} new` : '';
  return `Last checked ${timeAgo(status.finishedAt, now)}${found}`;
}

export function StatusHeader({ status, onCheckNow, onOpenOptions, canCheck }: StatusHeaderProps) {
  return (
    <header className="status-header">
      <div className="status-title">
        <h1>Daily Papers</h1>
        <p className="status-line" role="status" aria-live="polite" data-finished-at={status?.finishedAt}>
          {statusLine(status)}
        </p>
      </div>
      <div className="status-actions">
        <button type="button" onClick={onCheckNow} disabled={!canCheck || status?.running}>
          Check now
        </button>
        <button type="button" onClick={onOpenOptions} aria-label="Settings and keywords">
          Settings
        </button>
      </div>
    </header>
  );
}
