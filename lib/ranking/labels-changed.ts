import { sendMessage } from '../messaging/protocol';

/**
 * Tells the worker that the ranking's labels changed (a save, "Not interested", an undo, an
 * import, a reset): it retrains, debounced (see ranking-job.ts).
 */
export function labelsChanged(): void {
  // A worker that cannot be reached now retrains after the next check instead.
  sendMessage('labelsChanged').catch((error: unknown) => console.warn('Could not reach the worker', error));
}
