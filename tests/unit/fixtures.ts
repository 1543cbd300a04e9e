import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', 'fixtures', 'arxiv');

/** A recorded arXiv answer from tests/fixtures/arxiv. */
export function fixture(name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}
