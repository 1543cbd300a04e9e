import { defineBackground } from 'wxt/utils/define-background';
import { setupCheckRequests, setupKeywordWatcher } from '../lib/check/check-triggers';
import { setupSchedule } from '../lib/check/schedule';

export default defineBackground(() => {
  setupSchedule();
  setupCheckRequests();
  setupKeywordWatcher();
});
