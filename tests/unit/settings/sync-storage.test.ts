import { describe, expect, it } from 'vitest';
import { describeStorageError } from '../../../lib/settings/sync-storage';

describe('describeStorageError', () => {
  it("names Chrome's quotas", () => {
    expect(describeStorageError(new Error('QUOTA_BYTES quota exceeded.'), 'your keywords')).toMatch(
      /^The browser's sync storage for Daily Papers is full \(100\.0 KB in all\)/,
    );
  });

  it('tells the item limit apart from the write rate', () => {
    expect(describeStorageError(new Error('MAX_ITEMS quota exceeded'))).toMatch(
      /^The browser's sync storage holds at most 512 items for Daily Papers, and this change needs more\./,
    );
    expect(describeStorageError(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'))).toMatch(
      /^The browser limits how often synced data can change; wait a minute/,
    );
  });

  it("reads Firefox's one quota message as a full sync storage, not as a missing one", () => {
    const firefox = new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.');
    expect(describeStorageError(firefox, 'your keywords')).toBe(
      "The browser's sync storage for Daily Papers is full (100.0 KB in all). Remove a keyword or two first. Nothing was saved, and what you typed is still here.",
    );
  });
});
