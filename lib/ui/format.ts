const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 min ago", "3 hours ago", "2 days ago". */
export function timeAgo(then: number, now: number = Date.now()): string {
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60)
    return relative.format(minutes, 'minute').replace('minutes', 'min').replace('minute', 'min');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** The calendar date of an ISO timestamp, as YYYY-MM-DD (arXiv dates are in GMT). */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

/** "A. Author, B. Author, C. Author +4" */
export function shortAuthors(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} +${names.length - shown}`;
}
