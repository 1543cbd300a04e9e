import { beforeEach, describe, expect, it } from 'vitest';
import { applyCachedTheme, applyTheme } from '../../../lib/ui/use-theme';

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it('forces light or dark, and follows the system otherwise', () => {
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('applies the last theme before the setting has loaded', () => {
    applyTheme('light');
    const fresh = document.createElement('html');
    applyCachedTheme(fresh);
    expect(fresh.dataset.theme).toBe('light');
    applyTheme('system');
    const again = document.createElement('html');
    applyCachedTheme(again);
    expect(again.dataset.theme).toBeUndefined();
  });
});
