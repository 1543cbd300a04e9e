import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtensionSession } from './session';

/** Where tests write screenshots: an ignored folder, so that a test run never changes tracked files. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../.artifacts/screenshots', import.meta.url));

/** The path of a screenshot of this browser's run (`npm run screenshots` publishes Chromium's). */
export function screenshotPath(session: ExtensionSession, name: string): string {
  const dir = join(SCREENSHOT_DIR, session.browserName);
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
