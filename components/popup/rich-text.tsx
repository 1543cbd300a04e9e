import { Fragment, useMemo } from 'react';
import { splitHighlights } from '../../lib/ui/highlight';
import { mayContainTex, splitTex } from '../../lib/tex/tex-segments';
import { useTexRenderer } from '../../lib/ui/use-tex-renderer';
import { MathHtml } from './math-html';

interface HighlightedProps {
  text: string;
  pattern?: RegExp;
}

/** Text with the keyword's terms in <mark>, built as React elements (never an HTML string). */
export function Highlighted({ text, pattern }: HighlightedProps) {
  const parts = useMemo(() => splitHighlights(text, pattern), [text, pattern]);
  return (
    <>
      {parts.map((part, index) =>
        part.mark ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}

interface RichTextProps extends HighlightedProps {
  /** Whether `$$…$$` may be set as a displayed formula (abstracts), or inline (titles). */
  allowDisplay?: boolean;
}

/**
 * Feed text with its TeX math typeset. Until KaTeX has loaded (it loads only for text containing
 * `$`), and for any formula it cannot render, the raw text is shown; terms are highlighted in the
 * prose around the math.
 */
export function RichText({ text, pattern, allowDisplay = false }: RichTextProps) {
  const hasTex = mayContainTex(text);
  const render = useTexRenderer(hasTex);
  const segments = useMemo(() => (hasTex ? splitTex(text) : []), [hasTex, text]);
  if (!render) return <Highlighted text={text} pattern={pattern} />;
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return <Highlighted key={index} text={segment.text} pattern={pattern} />;
        const display = allowDisplay && segment.display;
        const html = render(segment.tex, display);
        return html === undefined ? (
          <Highlighted key={index} text={segment.raw} pattern={pattern} />
        ) : (
          <MathHtml key={index} html={html} display={display} />
        );
      })}
    </>
  );
}
