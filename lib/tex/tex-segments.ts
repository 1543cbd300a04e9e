/** Splitting feed text into prose and TeX math, the way arXiv authors write it in titles and abstracts. */

export type TexSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean; raw: string };

/** Longer formulas are left as text: no title needs them, and they would only cost rendering time. */
const MAX_MATH_LENGTH = 1_000;

/** True when the text may hold math worth loading the renderer for. */
export function mayContainTex(text: string): boolean {
  return text.includes('$');
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The closing delimiter of a math span opened just before `from`, or -1. */
function closingIndex(text: string, from: number, delimiter: string): number {
  for (let i = text.indexOf(delimiter, from); i !== -1; i = text.indexOf(delimiter, i + 1)) {
    if (!isEscaped(text, i)) return i;
  }
  return -1;
}

/**
 * Splits text into prose and `$…$` / `$$…$$` math. Like Pandoc, an inline span must not start or
 * end with a space and its closing `$` must not be followed by a digit, so "costs $5 and $10" stays
 * prose; an unmatched or escaped `$` is prose too.
 */
export function splitTex(text: string): TexSegment[] {
  const segments: TexSegment[] = [];
  let prose = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char !== '$' || isEscaped(text, i)) {
      prose += char;
      i++;
      continue;
    }
    const display = text[i + 1] === '$';
    const delimiter = display ? '$$' : '$';
    const start = i + delimiter.length;
    const end = closingIndex(text, start, delimiter);
    const tex = end === -1 ? '' : text.slice(start, end);
    const inlineOk = display || (!/^\s/.test(tex) && !/\s$/.test(tex) && !/\d/.test(text[end + 1] ?? ''));
    if (end === -1 || tex.trim() === '' || tex.length > MAX_MATH_LENGTH || !inlineOk) {
      prose += delimiter;
      i = start;
      continue;
    }
    if (prose) segments.push({ kind: 'text', text: prose });
    prose = '';
    segments.push({ kind: 'math', tex, display, raw: text.slice(i, end + delimiter.length) });
    i = end + delimiter.length;
  }
  if (prose) segments.push({ kind: 'text', text: prose });
  return segments;
}
