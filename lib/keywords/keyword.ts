/** A topic the user watches. */
export interface Keyword {
  /** Stable id; matches and status are stored under it, so renaming never loses data. */
  id: string;
  /** What the user typed, whitespace collapsed. */
  text: string;
  createdAt: number;
}

export const MAX_KEYWORD_LENGTH = 200;

export type KeywordValidation = { ok: true; text: string } | { ok: false; message: string };

/** Checks a keyword the user typed against the list they already have. */
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
  const twin = existing.find((k) => k.text.toLocaleLowerCase() === lower);
  if (twin) return { ok: false, message: `“${twin.text}” is already in your list.` };
  return { ok: true, text };
}

/** A new keyword record for validated text. */
export function createKeyword(text: string, now: number = Date.now()): Keyword {
  return { id: crypto.randomUUID(), text, createdAt: now };
}
