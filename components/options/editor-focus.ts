import type { DraftErrors } from '../../lib/keywords/keyword-draft';

/** Editor fields in the order they appear, which is the order their messages are read in. */
const FOCUS_IDS = {
  label: 'label',
  terms: 'term-0',
  categories: 'category',
  exclude: 'exclude-0',
  rawQuery: 'raw',
} as const;

type FocusableField = keyof typeof FOCUS_IDS;

/** The first field, in page order, that has a message. */
export function firstInvalid(errors: DraftErrors): FocusableField | undefined {
  return (Object.keys(FOCUS_IDS) as FocusableField[]).find((field) => errors[field] !== undefined);
}

/**
 * Moves focus to the field whose message should be read first: a screen reader then reads the
 * field with its message, and a keyboard user can fix it at once.
 */
export function focusField(idBase: string, field: FocusableField | undefined): void {
  if (field) document.getElementById(`${idBase}-${FOCUS_IDS[field]}`)?.focus();
}
