import { describe, expect, it } from 'vitest';
import { codeLink, codeLinks, describeCodeLink, MAX_CODE_LINKS } from '../../../lib/arxiv/code-links';
import { parseFeed } from '../../../lib/arxiv/parse-feed';
import { fixture } from '../fixtures';

// Sentences of real arXiv abstracts and comments (2023–2026), as the API gives them.
const FOUND: ReadonlyArray<[text: string, links: string[]]> = [
  [
    'The code is available at https://github.com/buxiangzhiren/Asymmetric_VQGAN',
    ['https://github.com/buxiangzhiren/Asymmetric_VQGAN'],
  ],
  // Trailing punctuation and closing brackets are not part of the link.
  [
    'Our code is available at \\url{https://github.com/GeminiLight/hrl-acra}.',
    ['https://github.com/GeminiLight/hrl-acra'],
  ],
  [
    'Code and aggregate audit logs available at: [https://github.com/empresst/ClinicalRag]. Under Review',
    ['https://github.com/empresst/ClinicalRag'],
  ],
  ['Code is available at https://github.com/Kamichanw/CoS/.', ['https://github.com/Kamichanw/CoS']],
  [
    'Our code is available at https://github.com/MobiSense/SpecOffload-public .',
    ['https://github.com/MobiSense/SpecOffload-public'],
  ],
  [
    'The implementation of ODEStream is available at: https://github.com/FtoonAbushaqra/ODEStream.git.',
    ['https://github.com/FtoonAbushaqra/ODEStream'],
  ],
  // Deeper paths are kept; query and fragment are not.
  [
    'The code is available at https://github.com/Ced3-han/OAGNN/tree/main.',
    ['https://github.com/Ced3-han/OAGNN/tree/main'],
  ],
  [
    'associated source code available at https://gitlab.com/transense/nse-tl-paper',
    ['https://gitlab.com/transense/nse-tl-paper'],
  ],
  ['See https://github.com/org/repo?tab=readme-ov-file#usage for details.', ['https://github.com/org/repo']],
  // Without a scheme, with http, glued to the word before, or broken by a space.
  ['The code is available at: github.com/TIB-K330/pmm-net.', ['https://github.com/TIB-K330/pmm-net']],
  ['Our code is available at http://github.com/PenyChen/RED-F.', ['https://github.com/PenyChen/RED-F']],
  [
    'Our code is publicly available athttps://github.com/azencot-group/FOMA.',
    ['https://github.com/azencot-group/FOMA'],
  ],
  ['Code is available at https: //github.com/RomanBresson/KAGNN.', ['https://github.com/RomanBresson/KAGNN']],
  ['(code and dataset can be found at https://github. com/ronan-39/tlt/).', ['https://github.com/ronan-39/tlt']],
  [
    'is available at https://github.com/ aeon-toolkit/aeon. This version was submitted',
    ['https://github.com/aeon-toolkit/aeon'],
  ],
  [
    'Our code and data are available at https://github.com/Rose-STL-Lab/Multimodal_ Forecasting.',
    ['https://github.com/Rose-STL-Lab/Multimodal_Forecasting'],
  ],
  // The Hugging Face hub: models, datasets, demos; an owner alone is a page of projects.
  [
    'Model: https://huggingface.co/EVIEHub/DeXposure-FM. Code: https://github.com/EVIEHub/DeXposure-FM.',
    ['https://huggingface.co/EVIEHub/DeXposure-FM', 'https://github.com/EVIEHub/DeXposure-FM'],
  ],
  [
    'Our code and data are available at https://huggingface.co/datasets/winall/CLIR-Bench.',
    ['https://huggingface.co/datasets/winall/CLIR-Bench'],
  ],
  [
    'a cloud-hosted interactive demo at https://huggingface.co/spaces/Typony/JacobianScopes.',
    ['https://huggingface.co/spaces/Typony/JacobianScopes'],
  ],
  ['and the code at https://github.com/PowerGraph-Datasets.', ['https://github.com/PowerGraph-Datasets']],
  // One link per project.
  [
    'Code: https://github.com/org/repo, mirror at https://GitHub.com/Org/Repo/tree/dev',
    ['https://github.com/org/repo'],
  ],
];

const REFUSED: readonly string[] = [
  'Project page: https://pqh22.github.io/projects/ColaVLA/index.html',
  'Dataset available at https://zenodo.org/records/13378476',
  'Code and data available at: https://github.com/[your-repo-link]',
  'Data and Models available at: https://huggingface.co/collections/oro-ai/shoppingbench',
  'See https://huggingface.co/papers/2501.12345 and https://github.com/features/copilot',
  // Look-alikes and links hidden in other links.
  'https://github.com.evil.example/org/repo',
  'https://evilgithub.com/org/repo',
  'https://evil.example/github.com/org/repo',
  'https://user:secret@github.com/org/repo',
  'https://github.com:8443/org/repo',
  'git@github.com:org/repo.git',
  'javascript:alert(1)//github.com/org/repo',
  'https://gist.github.com/someone/abc123',
];

describe('codeLinks', () => {
  it.each(FOUND)('%s', (summary, links) => {
    expect(codeLinks({ summary })).toEqual(links);
  });

  it.each(REFUSED)('finds no code link in %s', (summary) => {
    expect(codeLinks({ summary })).toEqual([]);
  });

  it('reads the comment first, where authors write "Code: …"', () => {
    const entry = {
      summary: 'We build on https://github.com/huggingface/transformers.',
      comment: 'ICLR 2026. Code: https://github.com/ours/method',
    };
    expect(codeLinks(entry)).toEqual(['https://github.com/ours/method', 'https://github.com/huggingface/transformers']);
  });

  it(`keeps at most ${MAX_CODE_LINKS}`, () => {
    const summary = Array.from({ length: 6 }, (_, i) => `https://github.com/org/repo${i}`).join(' and ');
    expect(codeLinks({ summary })).toHaveLength(MAX_CODE_LINKS);
  });

  it('finds none in the recorded arXiv answers, which have none', () => {
    const result = parseFeed(fixture('current-query-testing-10.xml'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.feed.entries.flatMap(codeLinks)).toEqual([]);
  });
});

describe('codeLink', () => {
  it('gives only https links to listed hosts, without credentials, port, query or fragment', () => {
    expect(codeLink('http://www.github.com/org/repo#readme')).toBe('https://github.com/org/repo');
    expect(codeLink('https://hf.co/org/model')).toBe('https://huggingface.co/org/model');
    expect(codeLink('https://sourceforge.net/projects/tikzit/')).toBe('https://sourceforge.net/projects/tikzit');
    expect(codeLink('https://codeberg.org/forgejo/forgejo')).toBe('https://codeberg.org/forgejo/forgejo');
    expect(codeLink('ftp://github.com/org/repo')).toBeUndefined();
    expect(codeLink('https://github.com/org/repo%2F..%2Fx')).toBeUndefined();
    expect(codeLink('https://sourceforge.net/about')).toBeUndefined();
    expect(codeLink('https://example.org/org/repo')).toBeUndefined();
  });
});

describe('describeCodeLink', () => {
  it.each([
    ['https://github.com/Ced3-han/OAGNN/tree/main', 'github.com/Ced3-han/OAGNN', 'Code: github.com/Ced3-han/OAGNN'],
    [
      'https://huggingface.co/datasets/winall/CLIR-Bench',
      'huggingface.co/datasets/winall/CLIR-Bench',
      'Dataset: huggingface.co/datasets/winall/CLIR-Bench',
    ],
    [
      'https://huggingface.co/spaces/Typony/JacobianScopes',
      'huggingface.co/spaces/Typony/JacobianScopes',
      'Demo: huggingface.co/spaces/Typony/JacobianScopes',
    ],
    [
      'https://huggingface.co/EVIEHub/DeXposure-FM',
      'huggingface.co/EVIEHub/DeXposure-FM',
      'Model: huggingface.co/EVIEHub/DeXposure-FM',
    ],
  ])('%s', (url, text, label) => {
    expect(describeCodeLink(url)).toEqual({ text, label });
  });
});
