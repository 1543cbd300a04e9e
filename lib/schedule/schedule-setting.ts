/** How the user wants checks scheduled, and the validation applied to whatever storage holds. */

/** Follow arXiv's announcements (default), or check every `hours` hours (1–24). */
export type ScheduleSetting = { mode: 'follow-arxiv' } | { mode: 'interval'; hours: number };

export const MIN_INTERVAL_HOURS = 1;
export const MAX_INTERVAL_HOURS = 24;

/**
 * Turns a stored or typed value into a valid setting: interval hours are rounded and clamped to
 * 1–24; anything unrecognised (wrong mode, missing or non-finite hours) becomes follow-arxiv.
 */
export function parseScheduleSetting(value: unknown): ScheduleSetting {
  if (typeof value !== 'object' || value === null) return { mode: 'follow-arxiv' };
  const { mode, hours } = value as { mode?: unknown; hours?: unknown };
  if (mode !== 'interval' || typeof hours !== 'number' || !Number.isFinite(hours)) {
    return { mode: 'follow-arxiv' };
  }
  return { mode: 'interval', hours: Math.min(MAX_INTERVAL_HOURS, Math.max(MIN_INTERVAL_HOURS, Math.round(hours))) };
}
