import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/options-app';
import '../../components/common/base.css';
import '../../components/options/options.css';
import '../../components/options/keyword-list.css';
import '../../components/options/data-health.css';
import { applyCachedTheme } from '../../lib/ui/use-theme';

// A forced light or dark theme applies before the first paint.
applyCachedTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
