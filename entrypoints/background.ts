import { defineBackground } from 'wxt/utils/define-background';
import { setupCheckRequests, setupKeywordWatcher, setupSchedule } from '../lib/check/check-triggers';
import { setupPreviewRequests } from '../lib/check/preview';
import { getDb } from '../lib/db/app-db';
import { setupNotificationClicks } from '../lib/notify/notifications';
import { setupWelcome } from '../lib/onboarding/welcome';
import { setupRanking } from '../lib/ranking/ranking-job';

export default defineBackground(() => {
  setupWelcome();
  setupSchedule();
  setupCheckRequests();
  setupPreviewRequests();
  setupKeywordWatcher();
  setupNotificationClicks(getDb);
  setupRanking();
});
