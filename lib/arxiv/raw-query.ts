/**
 * Checking an advanced keyword's raw `search_query` before it is saved. Since November 2025 arXiv
 * validates queries and answers malformed ones with an error feed; older arXiv silently rewrote
 * some of them (two terms side by side became an OR). Only the documented syntax passes here:
 * https://info.arxiv.org/help/api/user-manual.html#query_details
 */
import { FIELD_PREFIXES, normaliseCategory, shown } from './search-term';

/** Our own cap: arXiv documents none, but very long URLs are refused by servers on the way. */
export const MAX_QUERY_LENGTH = 1000;

export type QueryBuild = { ok: true; query: string } | { ok: false; message: string };

interface Token {
  kind: 'operand' | 'operator' | 'open' | 'close';
  text: string;
  /** 1-based position in the text as the user typed it. */
  at: number;
}

class RawQueryError extends Error {}

function reject(message: string): never {
  throw new RawQueryError(message);
}

const OPERATORS = new Set(['AND', 'OR', 'ANDNOT']);
const PREFIXES = new Set<string>(FIELD_PREFIXES);
const DATE_PREFIXES = new Set(['submittedDate', 'lastUpdatedDate']);
// Fields whose values legitimately hold hyphens (hep-th, hep-th/9901001, report numbers).
const HYPHEN_FIELDS = new Set(['cat', 'id', 'rn', 'jr']);
const WORD = /[^\s()"]+/y;
const DATE_RANGE = /\[(\d{12}) TO (\d{12})\]/y;
const ODD = /[*?[\]{}~^\\]/;

/** The end of a date range starting at `start`, e.g. `[202501010000 TO 202501312359]`. */
function readDateRange(raw: string, start: number, prefix: string, at: number): number {
  DATE_RANGE.lastIndex = start;
  const match = DATE_RANGE.exec(raw);
  if (!match) {
    reject(
      `Write the date range at position ${at} as ${prefix}:[YYYYMMDDHHMM TO YYYYMMDDHHMM], e.g. ${prefix}:[202501010000 TO 202501312359].`,
    );
  }
  if ((match[1] ?? '') > (match[2] ?? '')) reject(`The date range at position ${at} ends before it starts.`);
  return start + match[0].length;
}

/** The end of the operand `prefix:value` whose value starts at `start`. */
function readValue(raw: string, start: number, prefix: string, at: number): number {
  if (DATE_PREFIXES.has(prefix)) return readDateRange(raw, start, prefix, at);
  const next = raw.charAt(start);
  if (next === '(') {
    reject(
      `Write ${prefix}:a AND ${prefix}:b instead of ${prefix}:(…) at position ${at}: arXiv no longer accepts a field before parentheses.`,
    );
  }
  if (next === '"') {
    const end = raw.indexOf('"', start + 1);
    if (end < 0) reject(`Unclosed quote at position ${start + 1}.`);
    if (raw.slice(start + 1, end).trim() === '') reject(`Empty phrase at position ${start + 1}.`);
    return end + 1;
  }
  WORD.lastIndex = start;
  const value = WORD.exec(raw)?.[0];
  if (value === undefined) reject(`"${prefix}:" at position ${at} has nothing to search for.`);
  if (value.includes(':')) {
    reject(`Put "${shown(value)}" at position ${start + 1} in quotes: an unquoted colon starts another field.`);
  }
  const odd = ODD.exec(value);
  if (odd) reject(`Remove "${odd[0]}" from "${shown(value)}" at position ${start + 1}: arXiv does not document it.`);
  // arXiv reads a hyphen inside an unquoted word as NOT.
  if (!HYPHEN_FIELDS.has(prefix) && /[-\u2010-\u2015]/.test(value)) {
    const phrase = value.replace(/[-\u2010-\u2015]+/g, ' ');
    reject(
      `"${shown(value)}" at position ${start + 1} has a hyphen, which arXiv reads as NOT: write ${prefix}:"${phrase}".`,
    );
  }
  if (prefix === 'cat' && normaliseCategory(value) === undefined) {
    reject(
      `"${shown(value)}" at position ${start + 1} is not an arXiv category: write it like cs.CL, math.CA or hep-th.`,
    );
  }
  return start + value.length;
}

function tokenise(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const char = raw.charAt(i);
    const at = i + 1;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', text: char, at });
      i += 1;
    } else if (char === '"') {
      const end = raw.indexOf('"', i + 1);
      if (end < 0) reject(`Unclosed quote at position ${at}.`);
      reject(`Put a field before the phrase at position ${at}, e.g. all:${raw.slice(i, end + 1)}.`);
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(raw)?.[0] ?? char;
      const colon = word.indexOf(':');
      if (OPERATORS.has(word)) {
        tokens.push({ kind: 'operator', text: word, at });
        i += word.length;
        continue;
      }
      if (word.toUpperCase() === 'NOT') reject(`"${word}" at position ${at} is not an arXiv operator: use ANDNOT.`);
      if (OPERATORS.has(word.toUpperCase())) {
        reject(`Write the operator "${word}" at position ${at} in capitals: ${word.toUpperCase()}.`);
      }
      if (colon <= 0) reject(`"${shown(word)}" at position ${at} has no field: write all:${word} or ti:${word}.`);
      const prefix = word.slice(0, colon);
      if (!PREFIXES.has(prefix)) {
        reject(
          `Unknown field "${prefix}:" at position ${at}: use ti, au, abs, co, jr, cat, rn, all, id, submittedDate or lastUpdatedDate.`,
        );
      }
      i = readValue(raw, i + colon + 1, prefix, at);
      const after = raw.charAt(i);
      if (after !== '' && !/[\s()]/.test(after)) {
        reject(`Unexpected ${after === '"' ? 'quote' : `"${after}"`} at position ${i + 1}: put a space before it.`);
      }
      tokens.push({ kind: 'operand', text: raw.slice(at - 1, i), at });
    }
  }
  return tokens;
}

/** Operators only between operands, parentheses balanced and never empty. */
function checkOrder(tokens: readonly Token[]): void {
  const open: number[] = [];
  let expectOperand = true;
  let prev: Token | undefined;
  for (const token of tokens) {
    if (token.kind === 'operand' || token.kind === 'open') {
      if (!expectOperand) reject(`Missing AND, OR or ANDNOT before "${shown(token.text)}" at position ${token.at}.`);
      if (token.kind === 'open') open.push(token.at);
      else expectOperand = false;
    } else if (token.kind === 'close') {
      if (open.length === 0) reject(`Unmatched ")" at position ${token.at}.`);
      if (prev?.kind === 'open') reject(`Empty parentheses at position ${prev.at}.`);
      if (prev?.kind === 'operator') reject(`"${prev.text}" at position ${prev.at} has nothing after it.`);
      open.pop();
    } else {
      if (prev === undefined) reject(`The query cannot start with "${token.text}".`);
      if (prev.kind === 'operator')
        reject(`Two operators in a row at position ${prev.at}: "${prev.text} ${token.text}".`);
      if (prev.kind === 'open') reject(`"${token.text}" at position ${token.at} has nothing before it.`);
      expectOperand = true;
    }
    prev = token;
  }
  if (prev?.kind === 'operator') reject(`The query ends with "${prev.text}": add a term after it or remove it.`);
  const unclosed = open.at(-1);
  if (unclosed !== undefined) reject(`Unclosed "(" at position ${unclosed}.`);
}

/**
 * Checks a raw arXiv `search_query` typed in advanced mode. Returns it with whitespace collapsed,
 * or a message naming the problem and its position (1-based, in the text as typed).
 */
export function validateRawQuery(raw: string): QueryBuild {
  const query = raw.replace(/\s+/g, ' ').trim();
  if (query === '') return { ok: false, message: 'Type a search query.' };
  if (query.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `Keep the query under ${MAX_QUERY_LENGTH} characters (it has ${query.length}).` };
  }
  try {
    checkOrder(tokenise(raw));
  } catch (error) {
    if (error instanceof RawQueryError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, query };
}
