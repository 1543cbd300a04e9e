import { createKeyword, type Keyword } from '../keywords/keyword';

/** A keyword offered on the welcome screen: one click adds it. */
export interface ExampleKeyword {
  label: string;
  /** Narrows a phrase used in several fields to the one the example means. */
  categories?: string[];
}

/** Common research topics across arXiv, each a phrase searched in titles and abstracts. */
export const EXAMPLE_KEYWORDS: readonly ExampleKeyword[] = [
  { label: 'large language models' },
  { label: 'diffusion models' },
  { label: 'reinforcement learning from human feedback' },
  { label: 'graph neural networks' },
  { label: 'quantum error correction', categories: ['quant-ph'] },
  { label: 'dark matter', categories: ['astro-ph.CO'] },
];

/** The stored keyword for an example. */
export function keywordFromExample(example: ExampleKeyword, now: number = Date.now()): Keyword {
  return { ...createKeyword(example.label, now), categories: [...(example.categories ?? [])] };
}
