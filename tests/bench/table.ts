/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Row {
  measure: string;
  value: string;
  target: string;
}

/** Prints the rows as one aligned table. */
export function printTable(rows: readonly Row[]): void {
  const header: Row = { measure: 'measure', value: 'value', target: 'target' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `| ${r.measure.padEnd(width('measure'))} | ${r.value.padStart(width('value'))} | ${r.target.padEnd(width('target'))} |`;
  console.log(line(header));
  console.log(
    `|${'-'.repeat(width('measure') + 2)}|${'-'.repeat(width('value') + 2)}|${'-'.repeat(width('target') + 2)}|`,
  );
  for (const row of rows) console.log(line(row));
}
