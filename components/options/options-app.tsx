import { keywordsItem } from '../../lib/keywords/keyword-store';
import { welcomeItem } from '../../lib/onboarding/welcome';
import { useTheme } from '../../lib/ui/use-theme';
import { DataSection } from './data-section';
import { HealthSection } from './health-section';
import { KeywordsSection } from './keywords-section';
import { SettingsSection } from './settings-section';
import { useStoredValue } from './use-stored-value';
import { Welcome } from './welcome';

interface OptionsAppProps {
  /** How long "Undo" is offered after removing a keyword (shorter in tests). */
  undoMs?: number;
}

/** The options page: what to watch, how, and the user's own data. */
export function OptionsApp({ undoMs }: OptionsAppProps) {
  useTheme();
  const keywords = useStoredValue(keywordsItem);
  const welcome = useStoredValue(welcomeItem);
  if (keywords.status === 'loading') return null;
  return (
    <main className="options">
      <header className="page-header">
        <h1>Daily Papers</h1>
        <p className="lead">New arXiv papers on your research topics, checked politely in the background.</p>
        <nav aria-label="Sections" className="section-nav">
          <a href="#keywords-heading">Keywords</a>
          <a href="#settings-heading">Settings</a>
          <a href="#data-heading">Your data</a>
          <a href="#health-heading">Health</a>
        </nav>
      </header>
      {keywords.status === 'failed' ? (
        <p className="banner-error" role="alert">
          Your keywords could not be read from the browser's sync storage ({keywords.message}). Nothing was changed;
          reload the page to try again.
        </p>
      ) : (
        <>
          {welcome.status === 'ready' && welcome.value && (
            <Welcome keywords={keywords.value} onDismiss={() => void welcomeItem.setValue(false)} />
          )}
          <KeywordsSection
            keywords={keywords.value}
            welcomeShown={welcome.status === 'ready' && welcome.value}
            undoMs={undoMs}
          />
        </>
      )}
      <SettingsSection />
      {keywords.status === 'ready' && (
        <>
          <DataSection keywords={keywords.value} />
          <HealthSection keywords={keywords.value} />
        </>
      )}
    </main>
  );
}
