import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep every dependency visible to readers and to the type checker.
  imports: false,
  manifest: {
    name: 'Daily Papers',
    description: 'New arXiv papers on your research topics, checked politely in the background.',
    // Least privilege: exactly what the features use.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://export.arxiv.org/*'],
    action: { default_title: 'Daily Papers' },
  },
});
