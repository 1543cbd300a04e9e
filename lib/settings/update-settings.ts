import { DEFAULT_SETTINGS, getSettings, normaliseSettings, settingsItem, type Settings } from './settings';
import { writeSyncItem } from './sync-storage';

/**
 * Changes some settings and stores the result, normalised (values clamped to their ranges).
 * Throws a StorageWriteError in plain words when sync storage refuses the write.
 */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await getSettings()), ...patch });
  await writeSyncItem(settingsItem, next, 'your settings');
  return next;
}

/**
 * Settings from a backup merged over the current ones: every setting the backup names replaces
 * the current value (then normalised, so an out-of-range number is clamped and an unknown value
 * falls back to the default); settings it does not name, and anything that is not a settings
 * object at all (e.g. `null` in a one-keyword backup), leave the current ones as they are.
 */
export function mergeSettings(current: Settings, incoming: unknown): Settings {
  if (incoming === null || typeof incoming !== 'object' || Array.isArray(incoming)) return current;
  const known = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
  const picked = Object.fromEntries(
    Object.entries(incoming).filter(([key]) => (known as string[]).includes(key)),
  ) as Partial<Settings>;
  return normaliseSettings({ ...current, ...picked });
}
