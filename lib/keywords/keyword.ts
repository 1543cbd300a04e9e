/** Where a keyword's terms are looked for. */
export type MatchField = 'title-abstract' | 'title' | 'abstract' | 'all' | 'author';

/** One search term: a quoted phrase (default) or loose words that must all appear. */
export interface KeywordTerm {
  text: string;
  mode: 'phrase' | 'words';
}

/** A topic the user watches: a structured definition, never a raw string glued into a URL. */
export interface Keyword {
  /** Stable id; matches and status are stored under it, so editing never loses data. */
  id: string;
  /** The name shown in tabs, notifications and exports. */
  label: string;
  /** Any of these terms (OR). */
  terms: KeywordTerm[];
  field: MatchField;
  /** Any of these arXiv categories (e.g. cs.CL); empty means every category. */
  categories: string[];
  /** Papers containing any of these phrases (same field) are left out (ANDNOT). */
  exclude: string[];
  /** Advanced mode: a raw arXiv search_query, validated before saving; replaces the fields above. */
  rawQuery?: string;
  enabled: boolean;
  /** Per-keyword notification switch. */
  notify: boolean;
  createdAt: number;
}

/** The first stored shape (version 1 of the sync item). */
export interface KeywordV1 {
  id: string;
  text: string;
  createdAt: number;
}

export const MAX_KEYWORD_LENGTH = 200;

export type KeywordValidation = { ok: true; text: string } | { ok: false; message: string };

/** Checks a keyword name the user typed against the list they already have. */
export function validateKeyword(input: string, existing: readonly Keyword[]): KeywordValidation {
  if (input.length === 0) return { ok: false, message: 'Type a keyword first.' };
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, message: 'A keyword cannot be only spaces.' };
  if (text.length > MAX_KEYWORD_LENGTH) {
    return { ok: false, message: `Keep a keyword under ${MAX_KEYWORD_LENGTH} characters.` };
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return { ok: false, message: 'A keyword needs at least one letter or digit.' };
  }
  const lower = text.toLocaleLowerCase();
  const twin = existing.find((k) => k.label.toLocaleLowerCase() === lower);
  if (twin) return { ok: false, message: `“${twin.label}” is already in your list.` };
  return { ok: true, text };
}

/** A new keyword searching one phrase in titles and abstracts (what the Daily Papers READMEs did). */
export function createKeyword(text: string, now: number = Date.now()): Keyword {
  return {
    id: crypto.randomUUID(),
    label: text,
    terms: [{ text, mode: 'phrase' }],
    field: 'title-abstract',
    categories: [],
    exclude: [],
    enabled: true,
    notify: true,
    createdAt: now,
  };
}

/** Version 1 → 2: a plain text keyword becomes a phrase searched in titles and abstracts. */
export function migrateKeywordV1(old: KeywordV1): Keyword {
  return { ...createKeyword(old.text, old.createdAt), id: old.id };
}
