import { useEffect, useState } from 'react';
import { loadedTexRenderer, loadTexRenderer, type TexRenderer } from '../tex/tex-renderer';

/**
 * The TeX renderer, loaded on demand: undefined (show the raw text) until KaTeX has arrived, or
 * for good when it cannot load. Nothing is loaded while `needed` is false.
 */
export function useTexRenderer(needed: boolean): TexRenderer | undefined {
  const [renderer, setRenderer] = useState<TexRenderer | undefined>(loadedTexRenderer);
  useEffect(() => {
    if (!needed || renderer) return;
    let active = true;
    loadTexRenderer().then(
      (loaded) => {
        if (active) setRenderer(() => loaded);
      },
      (error: unknown) => console.warn('Could not load the TeX renderer; showing formulas as text.', error),
    );
    return () => {
      active = false;
    };
  }, [needed, renderer]);
  return needed ? renderer : undefined;
}
