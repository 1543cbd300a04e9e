import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/popup-app';
import { getDb } from '../../lib/db/app-db';
import { applyViewMode } from '../../lib/ui/popup-view';
import '../../components/common/base.css';
import '../../components/popup/popup.css';
import '../../components/popup/paper.css';
import { applyCachedTheme } from '../../lib/ui/use-theme';

applyViewMode(location.search);
// Open the database while the settings are read from storage, rather than after.
void getDb().open();

// A forced light or dark theme applies before the first paint.
applyCachedTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
