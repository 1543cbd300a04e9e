import { z } from 'zod';
import { isArxivId } from '../arxiv/ids';
import type { PaperRecord } from '../db/schema';
import { MAX_KEYWORD_LENGTH, type Keyword, type MatchField } from '../keywords/keyword';

// Zod would otherwise probe for `new Function` (to compile faster validators), which an extension
// page's content security policy forbids and reports; interpreting the schemas is fast enough here.
z.config({ jitless: true });

// `satisfies Record<…>` makes the compiler list every MatchField here, so a new one cannot be rejected on import.
const MATCH_FIELDS = { 'title-abstract': 0, title: 0, abstract: 0, all: 0, author: 0 } satisfies Record<MatchField, 0>;

const text = z.string();
const notBlank = (error: string) => z.string().refine((value) => value.trim() !== '', { error });

const termSchema = z.object({ text: notBlank('has an empty search term'), mode: z.enum(['phrase', 'words']) });

// Each shape names every field of its record (checked by `satisfies`): z.object drops unknown keys,
// so a field missing here would be silently lost on import.
const keywordShape = {
  id: notBlank('has no id'),
  label: notBlank('has no label').refine((label) => label.length <= MAX_KEYWORD_LENGTH, {
    error: `has a label longer than ${MAX_KEYWORD_LENGTH} characters`,
  }),
  terms: z.array(termSchema),
  field: z.enum(Object.keys(MATCH_FIELDS) as [MatchField, ...MatchField[]]),
  categories: z.array(text),
  exclude: z.array(text),
  rawQuery: text.optional(),
  enabled: z.boolean(),
  notify: z.boolean(),
  createdAt: z.number(),
} satisfies Record<keyof Keyword, z.ZodType>;

/** A keyword as stored; terms may only be empty when a raw query replaces them. */
export const keywordSchema = z
  .object(keywordShape)
  .refine((keyword) => keyword.terms.length > 0 || (keyword.rawQuery ?? '').trim() !== '', {
    error: 'has no search terms',
    path: ['terms'],
  });

const flag = z.literal([0, 1]);
const isoDate = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
  error: (issue) => `has an invalid date ${JSON.stringify(issue.input)}`,
});

const paperShape = {
  id: z.string().refine(isArxivId, { error: (issue) => `has an invalid arXiv id ${JSON.stringify(issue.input)}` }),
  version: z.int().positive({ error: 'has an invalid version number' }),
  title: text,
  summary: text,
  authors: z.array(z.object({ name: text, affiliations: z.array(text) })),
  published: isoDate,
  updated: isoDate,
  categories: z.array(text),
  primaryCategory: text.optional(),
  comment: text.optional(),
  journalRef: text.optional(),
  doi: text.optional(),
  firstSeenAt: z.number(),
  revisedAt: z.number().optional(),
  read: flag,
  readAt: z.number().optional(),
  saved: flag,
  savedAt: z.number().optional(),
  hiddenAt: z.number().optional(),
  // The ranking's score is worked out again after a restore; a backup may carry it.
  score: z.number().optional(),
  scoreWhy: z.array(text).optional(),
} satisfies Record<keyof PaperRecord, z.ZodType>;

/** A paper as stored, read and saved state included. */
export const paperSchema = z.object(paperShape);

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * A sentence saying what is wrong, from the first problem zod found, e.g.
 * `Keyword 2 has no search terms.` or `Paper 5 has an invalid arXiv id "abc".`
 * Items are numbered from 1, as a person counts them; `input` is the parsed file.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [list, index, ...rest] = issue.path;
  const item = typeof index === 'number' && (list === 'keywords' || list === 'papers');
  const subject = item ? `${list === 'keywords' ? 'Keyword' : 'Paper'} ${index + 1}` : 'The backup';
  const path = item ? rest : issue.path;
  const name = fieldName(path);
  if (issue.code === 'invalid_type') {
    const noun = NOUNS[issue.expected] ?? issue.expected;
    if (path.length === 0) return `${subject} is not ${noun}.`;
    if (valueAt(input, issue.path) === undefined) return `${subject} has no ${name}.`;
    return `${subject} has a ${name} that is not ${noun}.`;
  }
  if (issue.code === 'invalid_value') {
    const expected = issue.values.map((value) => JSON.stringify(value)).join(', ');
    return `${subject} has an invalid ${name} ${JSON.stringify(valueAt(input, issue.path))} (expected one of ${expected}).`;
  }
  // Checks above carry their own wording, written to follow the subject.
  if (issue.code === 'custom' || issue.code === 'too_small') return `${subject} ${issue.message}.`;
  return `${subject} has an invalid ${name}.`;
}

/** `["terms", 0, "text"]` → `"terms[0].text"`, the way the field is found in the file. */
function fieldName(path: readonly PropertyKey[]): string {
  const joined = path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return `"${joined.replace(/^\./, '')}"`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
