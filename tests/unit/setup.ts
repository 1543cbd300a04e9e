import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  // No worker runs in unit tests. A browser reports a message nobody listens to through
  // lastError, which the pages handle; the fake browser rejects a promise nobody awaits instead.
  // A silent listener stands for the worker (tests of the worker's side register their own).
  fakeBrowser.runtime.onMessage.addListener(() => undefined);
});
