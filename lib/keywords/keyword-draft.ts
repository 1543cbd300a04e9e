import { categoriesNamed, categoryName } from '../arxiv/categories';
import { buildKeywordQuery, validateRawQuery } from '../arxiv/keyword-query';
import { cleanTerm, normaliseCategory, shown } from '../arxiv/search-term';
import { validateKeyword, type Keyword, type KeywordTerm } from './keyword';

/** A keyword as the editor holds it while the user types: rows may be blank, the raw query kept aside. */
export interface KeywordDraft {
  label: string;
  terms: KeywordTerm[];
  field: Keyword['field'];
  categories: string[];
  exclude: string[];
  /** Whether the raw query replaces the fields above. */
  advanced: boolean;
  rawQuery: string;
  enabled: boolean;
  notify: boolean;
}

/** The parts of the editor a message belongs to. */
export type DraftField = 'label' | 'terms' | 'categories' | 'exclude' | 'rawQuery' | 'query';

export type DraftErrors = Partial<Record<DraftField, string>>;

export type DraftValidation = { ok: true; keyword: Keyword } | { ok: false; errors: DraftErrors };

/** The editor's starting point for a stored keyword. */
export function draftFromKeyword(keyword: Keyword): KeywordDraft {
  return {
    label: keyword.label,
    terms: keyword.terms.map((term) => ({ ...term })),
    field: keyword.field,
    categories: [...keyword.categories],
    exclude: [...keyword.exclude],
    advanced: (keyword.rawQuery ?? '').trim() !== '',
    rawQuery: keyword.rawQuery ?? '',
    enabled: keyword.enabled,
    notify: keyword.notify,
  };
}

/** The parts of a draft that decide its arXiv query, with blank rows dropped. */
export function draftQueryFields(
  draft: KeywordDraft,
): Pick<Keyword, 'terms' | 'field' | 'categories' | 'exclude' | 'rawQuery'> {
  return {
    terms: draft.terms.filter((term) => term.text.trim() !== '').map((term) => ({ ...term, text: term.text.trim() })),
    field: draft.field,
    categories: [...new Set(draft.categories.map((c) => normaliseCategory(c) ?? c.trim()).filter((c) => c !== ''))],
    exclude: draft.exclude.map((text) => text.trim()).filter((text) => text !== ''),
    rawQuery: draft.advanced ? draft.rawQuery.replace(/\s+/g, ' ').trim() : undefined,
  };
}

/**
 * A typed category (id or official name) checked against arXiv's list: its canonical id, or a
 * message. Unknown ids are refused even when well formed, because arXiv would accept `cat:cs.XY`
 * and silently match nothing.
 */
export function checkCategory(typed: string): { ok: true; id: string } | { ok: false; message: string } {
  const named = categoriesNamed(typed);
  if (named.length === 1) return { ok: true, id: named[0]!.id };
  if (named.length > 1) {
    return {
      ok: false,
      message: `"${shown(typed)}" is the name of ${named.map((c) => c.id).join(' and ')}: pick one.`,
    };
  }
  const id = normaliseCategory(typed);
  if (id === undefined) {
    return {
      ok: false,
      message: `"${shown(typed)}" is not an arXiv category: write it like cs.CL, math.CA or hep-th.`,
    };
  }
  if (categoryName(id) === undefined) {
    return { ok: false, message: `"${id}" is not in arXiv's list of categories: pick one of the suggestions.` };
  }
  return { ok: true, id };
}

/**
 * Checks a draft as a whole before it is saved. Each part gets its own message (label, terms,
 * categories, exclusions, raw query); `buildKeywordQuery` has the last word, so nothing is saved
 * that arXiv would reject. `others` are the other keywords, for the duplicate-label check.
 */
export function validateDraft(draft: KeywordDraft, original: Keyword, others: readonly Keyword[]): DraftValidation {
  const errors: DraftErrors = {};
  const label = validateKeyword(draft.label, others);
  if (!label.ok) errors.label = label.message;
  const fields = draftQueryFields(draft);
  if (draft.advanced) {
    const raw = validateRawQuery(draft.rawQuery);
    if (!raw.ok) errors.rawQuery = raw.message;
  } else {
    errors.terms = firstProblem(fields.terms.map((term) => cleanTerm(term.text, term.mode, fields.field)));
    if (fields.terms.length === 0) errors.terms = 'Add at least one term to search for.';
    errors.categories = firstProblem(draft.categories.filter((c) => c.trim() !== '').map(checkCategory));
    errors.exclude = firstProblem(fields.exclude.map((text) => cleanTerm(text, 'phrase', fields.field)));
  }
  const built = buildKeywordQuery(fields);
  // A query-wide problem (e.g. too long) is only worth showing once each part is right.
  const partProblems = [errors.terms, errors.categories, errors.exclude, errors.rawQuery];
  if (!built.ok && partProblems.every((message) => message === undefined)) errors.query = built.message;
  const problems: DraftErrors = Object.fromEntries(
    Object.entries(errors).filter(([, message]) => message !== undefined),
  );
  if (Object.keys(problems).length > 0 || !label.ok) return { ok: false, errors: problems };
  const keyword: Keyword = { ...original, ...fields, label: label.text, enabled: draft.enabled, notify: draft.notify };
  // A keyword in simple mode carries no raw query at all, as the backup format expects.
  if (!draft.advanced) delete keyword.rawQuery;
  return { ok: true, keyword };
}

function firstProblem(results: readonly ({ ok: true } | { ok: false; message: string })[]): string | undefined {
  const failed = results.find((result): result is { ok: false; message: string } => !result.ok);
  return failed?.message;
}
