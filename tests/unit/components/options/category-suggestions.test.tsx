import { describe, expect, it } from 'vitest';
import { ARXIV_CATEGORIES } from '../../../../lib/arxiv/categories';
import { normaliseCategory } from '../../../../lib/arxiv/search-term';
import { clearDb, openEditor, renderOptions, storeKeywords } from './render-options';

describe('category suggestions', () => {
  it('offer arXiv’s whole taxonomy, each id once and spelled as the editor stores it', async () => {
    await clearDb();
    await storeKeywords('reward model');
    const { user } = await renderOptions();
    const editor = await openEditor(user, 'reward model');
    const listId = editor.getByLabelText('Categories').getAttribute('list');
    const options = Array.from(document.getElementById(listId!)!.querySelectorAll('option'));
    const ids = options.map((option) => option.value);
    expect(ids).toHaveLength(ARXIV_CATEGORIES.length);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ids).size).toBe(ids.length);
    // A suggestion that the editor would store differently could never be matched by name or id.
    expect(ids.filter((id) => normaliseCategory(id) !== id)).toEqual([]);
    expect(options.find((option) => option.value === 'cs.CL')?.getAttribute('label')).toBe('Computation and Language');
    expect(ids).toEqual(
      expect.arrayContaining(['cond-mat.mes-hall', 'hep-th', 'physics.optics', 'q-bio.NC', 'stat.ML']),
    );
  });
});
