import { describe, expect, it } from 'vitest';
import { parseKeywordList } from '../../../lib/export/keyword-list';
import { keyword } from './sample-papers';

const existing = [keyword('Diffusion Model')];

describe('parseKeywordList', () => {
  it('imports one keyword per line, ignoring blank lines and # comments', () => {
    const text = '# my topics\n\nreward model\n  Large   Language Models  \n   # indented comment\n\t\n';
    const { keywords, skipped } = parseKeywordList(text, existing, 42);
    expect(keywords.map((k) => k.label)).toEqual(['reward model', 'Large Language Models']);
    expect(keywords[0]).toMatchObject({ terms: [{ text: 'reward model', mode: 'phrase' }], createdAt: 42 });
    expect(skipped).toEqual([]);
  });

  it('skips duplicates of the existing list and of earlier lines, whatever their case', () => {
    const text = 'diffusion MODEL\nreward model\nRLHF\nReward Model\nrlhf';
    const { keywords, skipped } = parseKeywordList(text, existing);
    expect(keywords.map((k) => k.label)).toEqual(['reward model', 'RLHF']);
    expect(skipped).toEqual([
      { line: 1, text: 'diffusion MODEL', reason: '“Diffusion Model” is already in your list.' },
      { line: 4, text: 'Reward Model', reason: 'Already listed on line 2.' },
      { line: 5, text: 'rlhf', reason: 'Already listed on line 3.' },
    ]);
  });

  it('skips lines that are too long or have no letter, with their line number', () => {
    const long = 'x'.repeat(201);
    const { keywords, skipped } = parseKeywordList(`ok\r\n${long}\r\n---\r\n大模型`, []);
    expect(keywords.map((k) => k.label)).toEqual(['ok', '大模型']);
    expect(skipped).toEqual([
      { line: 2, text: long, reason: 'Keep a keyword under 200 characters.' },
      { line: 3, text: '---', reason: 'A keyword needs at least one letter or digit.' },
    ]);
  });

  it('gives each new keyword its own id', () => {
    const { keywords } = parseKeywordList('\uFEFFa\nb\nc', []);
    expect(keywords[0]?.label).toBe('a');
    expect(new Set(keywords.map((k) => k.id)).size).toBe(3);
  });
});
