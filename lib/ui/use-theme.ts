import { useEffect } from 'react';
import { settingsItem, type Theme } from '../settings/settings';
import { useStorageItem } from './use-storage-item';

/** Applies a theme to the document: `system` follows prefers-color-scheme, the others force it. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Keeps the page's theme in line with the user's setting, live. */
export function useTheme(): void {
  const settings = useStorageItem(settingsItem);
  const theme = settings?.theme ?? 'system';
  useEffect(() => applyTheme(theme), [theme]);
}
