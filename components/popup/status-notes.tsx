import { announcesNothingToday, nextAnnouncement } from '../../lib/schedule/announcements';

interface StatusNotesProps {
  now: number;
  online: boolean;
  failures: readonly string[];
}

/** "on Sunday at 20:00", in the user's own time zone. */
function localDayAndTime(at: number): string {
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long' }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `on ${weekday} at ${time}`;
}

/** The lines that explain an unusual day: offline, a quiet arXiv day, keywords that failed. */
export function StatusNotes({ now, online, failures }: StatusNotesProps) {
  const quiet = announcesNothingToday(now);
  if (online && !quiet && failures.length === 0) return null;
  return (
    <ul className="status-notes" aria-label="Notices">
      {!online && (
        <li className="note note-offline">
          You are offline. These are the papers stored in your browser; checks resume when you are back online.
        </li>
      )}
      {quiet && (
        <li className="note note-quiet">
          arXiv announces nothing on Fridays and Saturdays (New York time), so a quiet day is expected. The next
          announcement is {localDayAndTime(nextAnnouncement(now))}.
        </li>
      )}
      {failures.map((line) => (
        <li key={line} className="note note-error">
          {line}
        </li>
      ))}
    </ul>
  );
}
