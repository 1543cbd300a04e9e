/** How the arXiv stand-ins of the tests and the benchmark read the parts of a query they honour. */

/** `YYYYMMDDHHMM` (GMT) → epoch ms. */
function fromGmtMinute(text: string): number {
  const [y, mo, d, h, mi] = [0, 4, 6, 8, 10].map((at, i) => Number(text.slice(at, at + (i === 0 ? 4 : 2))));
  return Date.UTC(y!, mo! - 1, d!, h!, mi!);
}

/** The `submittedDate:[from TO to]` filter of a query, if any (to is inclusive to the minute). */
export function dateFilter(query: string): { from: number; to: number } | undefined {
  const match = /submittedDate:\[(\d{12}) TO (\d{12})\]/.exec(query);
  return match ? { from: fromGmtMinute(match[1]!), to: fromGmtMinute(match[2]!) + 59_999 } : undefined;
}
