import { defineExtensionMessaging } from '@webext-core/messaging';

/** Every message between the pages and the worker, typed in one place. */
interface ProtocolMap {
  /** Start a check of every keyword now (joins a running one). */
  checkNow(): { started: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
