import { useEffect } from 'react';
import { settingsItem, type Theme } from '../settings/settings';
import { useStorageItem } from './use-storage-item';

/**
 * The last theme applied, in localStorage: it reads synchronously, so a page can apply a forced
 * theme before its first paint instead of flashing the system one while the setting loads.
 */
const CACHE_KEY = 'daily-papers:theme';

/** Applies a theme to the document: `system` follows prefers-color-scheme, the others force it. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage can be unavailable (private modes, policies): the page still follows the setting.
  }
}

/** Applies the theme the page last used, before anything renders. */
export function applyCachedTheme(root: HTMLElement = document.documentElement): void {
  let cached: string | null = null;
  try {
    cached = localStorage.getItem(CACHE_KEY);
  } catch {
    return;
  }
  if (cached === 'light' || cached === 'dark') root.dataset.theme = cached;
}

/** Keeps the page's theme in line with the user's setting, live (once the setting is known). */
export function useTheme(): void {
  const settings = useStorageItem(settingsItem);
  const theme = settings?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
