import type { CheckSchedule, CheckStatus } from '../../lib/check/check-status';
import { nextCheckLine, statusLine } from '../../lib/ui/status-text';

interface StatusHeaderProps {
  status: CheckStatus | undefined;
  schedule: CheckSchedule | undefined;
  now: number;
  canCheck: boolean;
  online: boolean;
  asTab: boolean;
  onCheckNow: () => void;
  onOpenInTab: () => void;
  onOpenOptions: () => void;
}

/** The last check, the running one's progress, the next one and why, and the page's buttons. */
export function StatusHeader(props: StatusHeaderProps) {
  const { status, schedule, now, canCheck, online, asTab, onCheckNow, onOpenInTab, onOpenOptions } = props;
  const running = status?.running ?? false;
  // Without an enabled keyword nothing is checked, whatever the schedule says.
  const next = canCheck ? nextCheckLine(status, schedule, now) : undefined;
  return (
    <header className="status-header">
      <div className="status-top">
        <h1>Daily Papers</h1>
        <div className="status-actions">
          <button
            type="button"
            onClick={onCheckNow}
            disabled={!canCheck || running || !online}
            title={online ? undefined : 'You are offline'}
          >
            Check now
          </button>
          {!asTab && (
            <button type="button" onClick={onOpenInTab}>
              Open in tab
            </button>
          )}
          <button type="button" onClick={onOpenOptions} aria-label="Settings and keywords">
            Settings
          </button>
        </div>
      </div>
      <p
        className="status-line"
        role="status"
        aria-live="polite"
        data-finished-at={status?.finishedAt}
        data-running={status?.running ? 'true' : 'false'}
      >
        {statusLine(status, now)}
      </p>
      {running && status && status.total > 0 && (
        <progress className="check-progress" max={status.total} value={status.done} aria-label="Check progress" />
      )}
      {next && <p className="status-next">{next}</p>}
    </header>
  );
}
