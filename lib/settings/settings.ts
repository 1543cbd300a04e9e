import { storage } from 'wxt/utils/storage';
import { parseScheduleSetting, type ScheduleSetting } from '../schedule/schedule-setting';

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  schedule: ScheduleSetting;
  /** Global notification switch (each keyword also has its own). */
  notifications: boolean;
  /** Papers kept per keyword; saved papers are kept regardless. */
  papersPerKeyword: number;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  schedule: { mode: 'follow-arxiv' },
  notifications: true,
  papersPerKeyword: 100,
  theme: 'system',
};

export const MIN_PAPERS_PER_KEYWORD = 10;
export const MAX_PAPERS_PER_KEYWORD = 1000;

/** Settings in sync storage, so a second device gets them too. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Settings with every field present and in range, whatever is stored (older or hand-edited data). */
export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

/** Fills gaps and clamps values so that the rest of the code can trust them. */
export function normaliseSettings(value: Partial<Settings> | null | undefined): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(value ?? {}) };
  const perKeyword = Number(merged.papersPerKeyword);
  return {
    schedule: parseScheduleSetting(merged.schedule),
    notifications: merged.notifications !== false,
    papersPerKeyword: Number.isFinite(perKeyword)
      ? Math.min(MAX_PAPERS_PER_KEYWORD, Math.max(MIN_PAPERS_PER_KEYWORD, Math.round(perKeyword)))
      : DEFAULT_SETTINGS.papersPerKeyword,
    theme: ['light', 'dark'].includes(merged.theme) ? merged.theme : 'system',
  };
}
