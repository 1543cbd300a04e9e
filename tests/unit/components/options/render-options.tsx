import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { createKeyword, type Keyword } from '../../../../lib/keywords/keyword';
import { keywordsItem } from '../../../../lib/keywords/keyword-store';
import { OptionsApp } from '../../../../components/options/options-app';

// Without Vitest globals, Testing Library cannot unmount rendered pages by itself after each test.
afterEach(cleanup);

/** Empties every table of the page's database (the storage is reset by the test setup). */
export async function clearDb(): Promise<void> {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
}

/** Stores keywords made from labels (or given whole) and returns them. */
export async function storeKeywords(...items: (string | Keyword)[]): Promise<Keyword[]> {
  const keywords = items.map((item, i) => (typeof item === 'string' ? createKeyword(item, 1_000 + i) : item));
  await keywordsItem.setValue(keywords);
  return keywords;
}

/** Renders the options page and waits until its keywords and settings are read. */
export async function renderOptions(props: { undoMs?: number } = {}) {
  const user = userEvent.setup();
  const view = render(<OptionsApp {...props} />);
  await screen.findByRole('heading', { name: 'Keywords' });
  await screen.findByRole('heading', { name: 'Settings' });
  return { user, ...view };
}

/** The labels in the keyword list, top to bottom. */
export function listedKeywords(): string[] {
  const list = screen.queryByRole('list', { name: 'Your keywords' });
  if (!list) return [];
  return Array.from(list.querySelectorAll('.keyword-text')).map((node) => node.textContent ?? '');
}

/** Opens a keyword's editor and returns queries scoped to it. */
export async function openEditor(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole('button', { name: `Edit ${label}` }));
  return within(screen.getByRole('form', { name: `Edit ${label}` }));
}

/** The stored keywords, as the worker would read them. */
export function storedKeywords(): Promise<Keyword[]> {
  return keywordsItem.getValue();
}
