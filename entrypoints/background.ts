import { defineBackground } from 'wxt/utils/define-background';
import { setupCheckRequests, setupKeywordWatcher, setupSchedule } from '../lib/check/check-triggers';
import { getDb } from '../lib/db/app-db';
import { setupNotificationClicks } from '../lib/notify/notifications';

export default defineBackground(() => {
  setupSchedule();
  setupCheckRequests();
  setupKeywordWatcher();
  setupNotificationClicks(getDb);
});
