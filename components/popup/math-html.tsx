interface MathHtmlProps {
  /** HTML from `TexRenderer` (lib/tex/tex-renderer.ts), never from anywhere else. */
  html: string;
  display: boolean;
}

/**
 * A formula rendered by KaTeX. This is the popup's one HTML injection, and it is safe because the
 * HTML is not the feed's: KaTeX parses the TeX source and builds every tag itself, escaping all
 * text; with `trust: false` it refuses the commands that could emit links, images, ids, classes
 * or styles, and a formula it cannot parse never gets here (it is shown as plain text instead).
 * The extension page's content security policy would block any script regardless.
 */
export function MathHtml({ html, display }: MathHtmlProps) {
  return (
    <span
      className={display ? 'tex tex-display' : 'tex'}
      // eslint-disable-next-line no-restricted-syntax -- KaTeX output with trust off; see the comment above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
