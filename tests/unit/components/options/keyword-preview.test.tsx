import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sendMessage } from '../../../../lib/messaging/protocol';
import { entry } from '../../helpers';
import { clearDb, openEditor, renderOptions, storeKeywords } from './render-options';

vi.mock('../../../../lib/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

beforeEach(async () => {
  await clearDb();
  send.mockReset();
});

async function setup() {
  await storeKeywords('reward model');
  const { user } = await renderOptions();
  const editor = await openEditor(user, 'reward model');
  return { user, editor, test: () => user.click(editor.getByRole('button', { name: 'Test' })) };
}

describe('"Test" in the keyword editor', () => {
  it('asks the worker for the definition being edited and shows the count and newest papers', async () => {
    const papers = [1, 2, 3, 4, 5].map((n) =>
      entry(`2611.0000${n}`, { title: `Reward paper ${n}`, published: `2026-11-0${n}T10:00:00Z` }),
    );
    send.mockResolvedValue({ ok: true, total: 1234, papers });
    const { user, editor, test } = await setup();
    await user.type(editor.getByLabelText('Categories'), 'cs.LG{Enter}');
    await test();
    expect(send).toHaveBeenCalledWith('previewKeyword', {
      terms: [{ text: 'reward model', mode: 'phrase' }],
      field: 'title-abstract',
      categories: ['cs.LG'],
      exclude: [],
      rawQuery: undefined,
    });
    await editor.findByText('1,234 papers match. The newest:');
    const links = editor.getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(papers.map((p) => p.title));
    expect(links[0]?.getAttribute('href')).toBe('https://arxiv.org/abs/2611.00001');
    expect(editor.getByText('· 2026-11-01 · Ada Lovelace', { exact: false })).toBeTruthy();
  });

  it('shows arXiv’s own words when it rejects the search, and drops results once the definition changes', async () => {
    send.mockResolvedValueOnce({ ok: false, message: 'arXiv rejected the query: incorrect id format for abc.' });
    const { user, editor, test } = await setup();
    await test();
    expect((await editor.findByRole('alert')).textContent).toBe(
      'arXiv rejected the query: incorrect id format for abc.',
    );
    await user.type(editor.getByLabelText('Term 1'), 's');
    expect(editor.queryByRole('alert')).toBeNull();
  });

  it('says that no paper matches rather than showing an empty list', async () => {
    send.mockResolvedValue({ ok: true, total: 0, papers: [] });
    const { editor, test } = await setup();
    await test();
    expect(await editor.findByText(/^No papers match\./)).toBeTruthy();
  });

  it('does not ask arXiv about a definition it would reject', async () => {
    const { user, editor, test } = await setup();
    await user.clear(editor.getByLabelText('Term 1'));
    await user.type(editor.getByLabelText('Term 1'), 'reward*');
    await test();
    expect(send).not.toHaveBeenCalled();
    expect(editor.getByRole('alert').textContent).toMatch(/^Remove the "\*" from "reward\*"/);
  });

  it('explains a worker that does not answer', async () => {
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const { editor, test } = await setup();
    await test();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        "The extension's background worker did not answer (Could not establish connection. Receiving end does not exist.). Try again.",
      ),
    );
    expect(editor.getByRole('button', { name: 'Test' })).toHaveProperty('disabled', false);
  });
});
