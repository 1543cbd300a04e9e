import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep every dependency visible to readers and to the type checker.
  imports: false,
  // Manifest V3 in every browser. Firefox used to get V2 because its V3 treated host permissions
  // as optional; Firefox 127+ grants them at install (measured on 153 ESR, see the README).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Daily Papers',
    description: 'New arXiv papers on your research topics, checked politely in the background.',
    // Least privilege: exactly what the features use.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://export.arxiv.org/*'],
    action: { default_title: 'Daily Papers' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{316fd0d1-b703-4bbe-a28e-a03053b1e9d0}',
              strict_min_version: '140.0',
              // Nothing leaves the browser except the arXiv queries themselves.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android knows data_collection_permissions from version 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
