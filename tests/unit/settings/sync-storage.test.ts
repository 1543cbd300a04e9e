import { describe, expect, it } from 'vitest';
import { describeStorageError } from '../../../lib/settings/sync-storage';

describe('describeStorageError', () => {
  it("names Chrome's quotas", () => {
    expect(describeStorageError(new Error('QUOTA_BYTES quota exceeded.'), 'your keywords')).toMatch(
      /^The browser's sync storage for Daily Papers is full \(100\.0 KB in all\)/,
    );
  });

  it("reads Firefox's one quota message as a full sync storage, not as a missing one", () => {
    const firefox = new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.');
    expect(describeStorageError(firefox, 'your keywords')).toBe(
      "The browser's sync storage for Daily Papers is full (100.0 KB in all). Remove a keyword or two first. Nothing was saved, and what you typed is still here.",
    );
  });
});
