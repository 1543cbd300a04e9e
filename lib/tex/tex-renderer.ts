import type { KatexOptions } from 'katex';

/** Renders one formula to HTML, or undefined when it cannot (the caller shows the raw text). */
export type TexRenderer = (tex: string, display: boolean) => string | undefined;

/**
 * Untrusted input settings: `trust: false` refuses every command that would emit a link, an
 * image, an id, a class or a style (\href, \url, \includegraphics, \htmlClass…); `maxSize` and
 * `maxExpand` keep a hostile formula from drawing a giant box or expanding macros forever.
 */
/** KaTeX paints what it refuses (an untrusted \href, an unknown command) in this colour; seeing it means "fall back". */
const REFUSED_COLOR = '#cc0001';

const OPTIONS: KatexOptions = {
  trust: false,
  errorColor: REFUSED_COLOR,
  throwOnError: false,
  strict: false,
  maxSize: 10,
  maxExpand: 1_000,
  output: 'htmlAndMathml',
};

const CACHE_LIMIT = 500;

let loading: Promise<TexRenderer> | undefined;
let loaded: TexRenderer | undefined;

/** The renderer when it has already loaded, so later cards render math in their first paint. */
export function loadedTexRenderer(): TexRenderer | undefined {
  return loaded;
}

/**
 * Loads KaTeX and its stylesheet on first use (a separate chunk, so the popup's first paint never
 * waits for it). A failed load is forgotten so that the next call tries again.
 */
export function loadTexRenderer(): Promise<TexRenderer> {
  loading ??= Promise.all([import('katex'), import('./katex-style')])
    .then(([katex, style]) => {
      style.injectKatexStyle();
      loaded = cachedRenderer((tex, display) =>
        katex.default.renderToString(tex, { ...OPTIONS, displayMode: display }),
      );
      return loaded;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/**
 * Wraps KaTeX: an exception, KaTeX's error box or a refused command becomes undefined (the caller
 * shows the source as text); results are memoised.
 */
export function cachedRenderer(render: (tex: string, display: boolean) => string): TexRenderer {
  const cache = new Map<string, string | undefined>();
  return (tex, display) => {
    const key = `${display ? 'D' : 'I'}${tex}`;
    if (cache.has(key)) return cache.get(key);
    let html: string | undefined;
    try {
      html = render(tex, display);
      if (html.includes('katex-error') || html.includes(REFUSED_COLOR)) html = undefined;
    } catch {
      html = undefined;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, html);
    return html;
  };
}
