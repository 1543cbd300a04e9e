import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An expected export from tests/fixtures/export. */
export function golden(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'export', name), 'utf8');
}
