import { useState } from 'react';
import { MAX_INTERVAL_HOURS, MIN_INTERVAL_HOURS } from '../../lib/schedule/schedule-setting';
import {
  MAX_PAPERS_PER_KEYWORD,
  MIN_PAPERS_PER_KEYWORD,
  normaliseSettings,
  settingsItem,
  type Settings,
  type Theme,
} from '../../lib/settings/settings';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { updateSettings } from '../../lib/settings/update-settings';
import { NumberSetting } from './number-setting';
import { useStoredValue } from './use-stored-value';

/** Until the user picks another, "every N hours" starts at this. */
const DEFAULT_INTERVAL_HOURS = 6;

/** Schedule, notifications, retention and theme; each change is stored at once. */
export function SettingsSection() {
  const stored = useStoredValue(settingsItem);
  const [error, setError] = useState<string>();
  if (stored.status === 'loading') return null;
  const settings = normaliseSettings(stored.status === 'ready' ? stored.value : undefined);
  const hours = settings.schedule.mode === 'interval' ? settings.schedule.hours : DEFAULT_INTERVAL_HOURS;

  async function save(patch: Partial<Settings>): Promise<boolean> {
    try {
      await updateSettings(patch);
      setError(undefined);
      return true;
    } catch (failure) {
      setError(describeStorageError(failure, 'your settings'));
      return false;
    }
  }

  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {stored.status === 'failed' && (
        <p className="banner-error">Your settings could not be read ({stored.message}); the defaults are shown.</p>
      )}
      <fieldset>
        <legend>When to check arXiv</legend>
        <label className="check">
          <input
            type="radio"
            name="schedule"
            checked={settings.schedule.mode === 'follow-arxiv'}
            onChange={() => void save({ schedule: { mode: 'follow-arxiv' } })}
          />
          After each arXiv announcement (recommended)
        </label>
        <p className="hint indent">
          arXiv announces new papers Sunday to Thursday at 20:00 New York time; checking then costs arXiv the least.
        </p>
        <label className="check">
          <input
            type="radio"
            name="schedule"
            checked={settings.schedule.mode === 'interval'}
            onChange={() => void save({ schedule: { mode: 'interval', hours } })}
          />
          At a fixed interval
        </label>
        <div className="indent">
          <NumberSetting
            label="Hours between checks"
            value={hours}
            min={MIN_INTERVAL_HOURS}
            max={MAX_INTERVAL_HOURS}
            disabled={settings.schedule.mode !== 'interval'}
            onCommit={(value) => save({ schedule: { mode: 'interval', hours: value } })}
          />
        </div>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.notifications}
          onChange={(e) => void save({ notifications: e.target.checked })}
        />
        Show a notification when new papers arrive
      </label>
      <NumberSetting
        label="Papers kept per keyword"
        value={settings.papersPerKeyword}
        min={MIN_PAPERS_PER_KEYWORD}
        max={MAX_PAPERS_PER_KEYWORD}
        hint={`From ${MIN_PAPERS_PER_KEYWORD} to ${MAX_PAPERS_PER_KEYWORD}. Older papers are removed; saved papers are always kept.`}
        onCommit={(value) => save({ papersPerKeyword: value })}
      />
      <label htmlFor="theme">Theme</label>
      <select id="theme" value={settings.theme} onChange={(e) => void save({ theme: e.target.value as Theme })}>
        <option value="system">Same as the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      {error && (
        <p className="banner-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
