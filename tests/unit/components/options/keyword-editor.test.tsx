import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDb, openEditor, renderOptions, storedKeywords, storeKeywords } from './render-options';

// "Test" asks the worker; here the worker is a stub (its own logic is tested in check/preview).
vi.mock('../../../../lib/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

beforeEach(clearDb);

async function setup(...labels: string[]) {
  const [first] = await storeKeywords(...labels);
  const rendered = await renderOptions();
  const editor = await openEditor(rendered.user, first!.label);
  const save = () => rendered.user.click(editor.getByRole('button', { name: 'Save' }));
  return { ...rendered, editor, save, original: first! };
}

describe('the keyword editor', () => {
  it('saves every field of the structured keyword, keeping its id and place', async () => {
    const { user, editor, save, original } = await setup('reward model', 'other');
    await user.clear(editor.getByLabelText('Label'));
    await user.type(editor.getByLabelText('Label'), 'Reward  models ');
    await user.click(editor.getByRole('button', { name: 'Add a term' }));
    await user.type(editor.getByLabelText('Term 2'), 'preference learning');
    await user.selectOptions(editor.getByLabelText('Term 2 matches'), 'words');
    await user.selectOptions(editor.getByLabelText('Where to match'), 'title');
    await user.type(editor.getByLabelText('Categories'), 'cs.cl{Enter}');
    await user.type(editor.getByLabelText('Categories'), 'Machine Learning');
    await user.click(editor.getByRole('button', { name: 'Add category' }));
    expect(editor.getByText('"Machine Learning" is the name of cs.LG and stat.ML: pick one.')).toBeTruthy();
    await user.clear(editor.getByLabelText('Categories'));
    // Typed but not added: Save takes it along rather than silently widening the search.
    await user.type(editor.getByLabelText('Categories'), 'stat.ml');
    await user.click(editor.getByRole('button', { name: 'Add an excluded term' }));
    await user.type(editor.getByLabelText('Excluded term 1'), ' survey ');
    await user.click(editor.getByLabelText('Notify me about new papers for this keyword'));
    await save();

    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    const [saved, other] = await storedKeywords();
    expect(saved).toEqual({
      ...original,
      label: 'Reward models',
      terms: [
        { text: 'reward model', mode: 'phrase' },
        { text: 'preference learning', mode: 'words' },
      ],
      field: 'title',
      categories: ['cs.CL', 'stat.ML'],
      exclude: ['survey'],
      notify: false,
    });
    expect(other?.label).toBe('other');
    expect(
      screen.getByText(
        'Title: “reward model” or all of “preference learning” · in cs.CL, stat.ML · without “survey” · no notifications',
      ),
    ).toBeTruthy();
  });

  it('says what is wrong with the label, and saves nothing', async () => {
    const { user, editor, save } = await setup('reward model', 'Diffusion');
    await user.clear(editor.getByLabelText('Label'));
    await save();
    expect(editor.getByText('Type a keyword first.')).toBeTruthy();
    expect(document.activeElement).toBe(editor.getByLabelText('Label'));
    await user.type(editor.getByLabelText('Label'), '   ');
    await save();
    expect(editor.getByText('A keyword cannot be only spaces.')).toBeTruthy();
    await user.clear(editor.getByLabelText('Label'));
    await user.type(editor.getByLabelText('Label'), 'DIFFUSION');
    await save();
    expect(editor.getByText('“Diffusion” is already in your list.')).toBeTruthy();
    expect((await storedKeywords()).map((k) => k.label)).toEqual(['reward model', 'Diffusion']);
  });

  it('refuses terms arXiv would misread, and a keyword without terms', async () => {
    const { user, editor, save } = await setup('reward model');
    await user.clear(editor.getByLabelText('Term 1'));
    await save();
    expect(editor.getByText('Add at least one term to search for.')).toBeTruthy();
    expect(document.activeElement).toBe(editor.getByLabelText('Term 1'));
    await user.type(editor.getByLabelText('Term 1'), 'ti:reward');
    await save();
    expect(
      editor.getByText('Remove the colon from "ti:reward": use the "Where to match" setting instead.'),
    ).toBeTruthy();
    await user.clear(editor.getByLabelText('Term 1'));
    await user.type(editor.getByLabelText('Term 1'), '"reward model"');
    await user.selectOptions(editor.getByLabelText('Term 1 matches'), 'words');
    await save();
    expect(
      editor.getByText('Quotes ask for a phrase: switch "reward model" to phrase mode, or remove the quotes.'),
    ).toBeTruthy();
    expect((await storedKeywords())[0]?.terms).toEqual([{ text: 'reward model', mode: 'phrase' }]);
  });

  it('refuses categories that are not arXiv’s, and exclusions arXiv would misread', async () => {
    const { user, editor, save } = await setup('reward model');
    await user.type(editor.getByLabelText('Categories'), 'cs.XX{Enter}');
    expect(
      editor.getByText('"cs.XX" is not in arXiv\'s list of categories: pick one of the suggestions.'),
    ).toBeTruthy();
    await user.clear(editor.getByLabelText('Categories'));
    await user.type(editor.getByLabelText('Categories'), 'computer science{Enter}');
    expect(
      editor.getByText('"computer science" is not an arXiv category: write it like cs.CL, math.CA or hep-th.'),
    ).toBeTruthy();
    await user.clear(editor.getByLabelText('Categories'));
    await user.click(editor.getByRole('button', { name: 'Add an excluded term' }));
    await user.type(editor.getByLabelText('Excluded term 1'), 'surv*');
    await save();
    expect(
      editor.getByText('Remove the "*" from "surv*": arXiv has no documented wildcards (it already matches plurals).'),
    ).toBeTruthy();
    expect((await storedKeywords())[0]?.exclude).toEqual([]);
  });

  it('says when the whole search grows too long for arXiv', async () => {
    const { user, editor, save } = await setup('reward model');
    for (let i = 2; i <= 5; i++) {
      await user.click(editor.getByRole('button', { name: 'Add a term' }));
      await user.click(editor.getByLabelText(`Term ${i}`));
      await user.paste(`${'long phrase '.repeat(12)}${i}`);
    }
    await save();
    expect(screen.getByRole('alert').textContent).toMatch(
      /^This keyword makes a search of \d+ characters; keep it under 1000 by removing terms, categories or exclusions\.$/,
    );
  });

  it('validates an advanced query as arXiv would, starting from the fields’ own query', async () => {
    const { user, editor, save } = await setup('reward model');
    await user.click(editor.getByLabelText('Use an advanced arXiv query instead of the fields above'));
    const raw = editor.getByLabelText('arXiv query') as HTMLTextAreaElement;
    expect(raw.value).toBe('(ti:"reward model" OR abs:"reward model")');
    await user.clear(raw);
    await user.type(raw, 'ti:(reward model)');
    await save();
    expect(
      editor.getByText(
        'Write ti:a AND ti:b instead of ti:(…) at position 1: arXiv no longer accepts a field before parentheses.',
      ),
    ).toBeTruthy();
    expect((await storedKeywords())[0]?.rawQuery).toBeUndefined();
    await user.clear(raw);
    await user.type(raw, 'ti:"reward model"   AND cat:cs.CL');
    await save();
    await waitFor(async () => expect((await storedKeywords())[0]?.rawQuery).toBe('ti:"reward model" AND cat:cs.CL'));
    expect(screen.getByText('Advanced query: ti:"reward model" AND cat:cs.CL')).toBeTruthy();
  });

  it('drops the advanced query when switched back to the fields', async () => {
    const [keyword] = await storeKeywords('reward model');
    await storeKeywords({ ...keyword!, rawQuery: 'ti:reward' });
    const { user } = await renderOptions();
    const editor = await openEditor(user, 'reward model');
    await user.click(editor.getByLabelText('Use an advanced arXiv query instead of the fields above'));
    await user.click(editor.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect('rawQuery' in (await storedKeywords())[0]!).toBe(false);
  });

  it('forgets the changes on Cancel and gives focus back to Edit', async () => {
    const { user, editor } = await setup('reward model');
    await user.type(editor.getByLabelText('Label'), ' changed');
    await user.click(editor.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect((await storedKeywords())[0]?.label).toBe('reward model');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit reward model' })));
  });
});
