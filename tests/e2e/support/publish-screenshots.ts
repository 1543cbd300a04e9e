/**
 * `npm run screenshots`: copies the pictures the Chromium end-to-end run took into docs/, for the
 * README. Tests never write into docs/ themselves, so that a test run leaves tracked files alone.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREENSHOT_DIR } from './screenshots';

const docs = fileURLToPath(new URL('../../../docs', import.meta.url));
for (const name of ['popup-light.png', 'popup-dark.png', 'options.png']) {
  const source = join(SCREENSHOT_DIR, 'chromium', name);
  if (!existsSync(source)) throw new Error(`No ${source}: the end-to-end run did not take it.`);
  copyFileSync(source, join(docs, name));
  console.log(`docs/${name} updated`);
}
