/** A run of text: TeX math (`$…$`, `$$…$$`), kept as written, or plain text to escape. */
interface Piece {
  math: boolean;
  text: string;
}

/**
 * A paper's text made safe as a BibTeX field value.
 * - Outside math, `& % # _ $` get a backslash and `^` becomes `\^{}`, so LaTeX prints them;
 *   TeX the author already wrote (`\&`, `\emph{…}`) is left alone.
 * - Math is kept verbatim: arXiv titles and abstracts are TeX, and `$\mathcal{O}(n)$` must survive.
 * - Braces must balance or BibTeX reads past the end of the field (it counts every brace, even
 *   `\{`). An unmatched one becomes `\textbraceleft{}` / `\textbraceright{}`, or in math
 *   `\lbrace{}` / `\rbrace{}`.
 * UTF-8 (accents, Chinese) is kept: biber and BibTeX with inputenc read it.
 */
export function texValue(text: string): string {
  const pieces = splitMath(text).map((piece) => (piece.math ? piece : { math: false, text: escapeText(piece.text) }));
  return balanceBraces(pieces);
}

function splitMath(text: string): Piece[] {
  const pieces: Piece[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '\\') {
      // An escape such as `\$` is text, never a math delimiter.
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '$') {
      const delimiter = text.startsWith('$$', i) ? '$$' : '$';
      const end = closingDelimiter(text, i + delimiter.length, delimiter);
      if (end > i + delimiter.length) {
        if (plain !== '') pieces.push({ math: false, text: plain });
        plain = '';
        pieces.push({ math: true, text: text.slice(i, end + delimiter.length) });
        i = end + delimiter.length;
        continue;
      }
    }
    plain += char;
    i++;
  }
  if (plain !== '') pieces.push({ math: false, text: plain });
  return pieces;
}

function closingDelimiter(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    if (text.charAt(i) === '\\') i++;
    else if (text.startsWith(delimiter, i)) return i;
  }
  return -1;
}

function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') {
      const next = text.charAt(i + 1);
      // A lone trailing backslash would escape the brace that closes the field.
      out += next === '' ? String.raw`\textbackslash{}` : char + next;
      i++;
    } else if ('&%#_$'.includes(char)) {
      out += `\\${char}`;
    } else {
      out += char === '^' ? String.raw`\^{}` : char;
    }
  }
  return out;
}

function balanceBraces(pieces: readonly Piece[]): string {
  const open: Array<[number, number]> = [];
  const unmatched = new Set<string>();
  pieces.forEach((piece, p) => {
    for (let i = 0; i < piece.text.length; i++) {
      const char = piece.text.charAt(i);
      if (char === '{') open.push([p, i]);
      else if (char === '}' && open.pop() === undefined) unmatched.add(`${p}:${i}`);
    }
  });
  for (const [p, i] of open) unmatched.add(`${p}:${i}`);
  return pieces
    .map((piece, p) => {
      let out = '';
      for (let i = 0; i < piece.text.length; i++) {
        const char = piece.text.charAt(i);
        if (!unmatched.has(`${p}:${i}`)) out += char;
        else out = replaceBrace(out, char, piece.math);
      }
      return out;
    })
    .join('');
}

/** Appends the replacement of an unmatched brace, absorbing the backslash of a `\{` written before it. */
function replaceBrace(out: string, brace: string, math: boolean): string {
  const escaped = (/\\+$/.exec(out)?.[0].length ?? 0) % 2 === 1;
  const before = escaped ? out.slice(0, -1) : out;
  const left = brace === '{';
  if (math) return before + (left ? String.raw`\lbrace{}` : String.raw`\rbrace{}`);
  return before + (left ? String.raw`\textbraceleft{}` : String.raw`\textbraceright{}`);
}
