/**
 * KaTeX's stylesheet, loaded with the renderer (never on the popup's first paint) and with WOFF2
 * fonts only: every browser the extension supports reads WOFF2, and leaving out KaTeX's WOFF and
 * TTF copies keeps about 900 KB of fonts out of the package. The browser fetches a font only when
 * a formula uses it.
 */
import css from 'katex/dist/katex.min.css?raw';

const fontUrls = import.meta.glob<string>('/node_modules/katex/dist/fonts/*.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});

const STYLE_ID = 'katex-style';

/** KaTeX's CSS with each font pointing at the packaged WOFF2 file and the other formats dropped. */
export function katexCss(): string {
  const byName = new Map(Object.entries(fontUrls).map(([path, url]) => [path.split('/').pop() ?? path, url]));
  return css.replace(/src:url\(fonts\/([\w-]+\.woff2)\)[^;}]*/g, (whole, file: string) => {
    const url = byName.get(file);
    return url ? `src:url(${url}) format("woff2")` : whole;
  });
}

/** Adds KaTeX's stylesheet to the page once. */
export function injectKatexStyle(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = katexCss();
  doc.head.append(style);
}
