import { describe, expect, it } from 'vitest';
import { planNext, enqueueCheck } from '../../../lib/check/queue';
import { REVISION_SWEEP_KEY } from '../../../lib/check/revisions';
import { setSaved, storeMatches } from '../../../lib/db/papers';
import { entry, freshDb } from '../helpers';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const id = (n: number) => `2611.${String(n).padStart(5, '0')}`;

describe('the look-up of saved papers’ new versions', () => {
  it('plans the next batches after the sweep’s cursor, in id order, old-style ids included', async () => {
    const db = freshDb();
    const papers = [...Array.from({ length: 250 }, (_, i) => entry(id(i + 1))), entry('hep-th/9901001')];
    await storeMatches(db, 'k', [...papers, entry('2611.99999')], 1);
    for (const p of papers) await setSaved(db, p.id, true);
    await db.meta.put({ key: REVISION_SWEEP_KEY, value: { doneFor: 0, cursor: id(40) } });
    await enqueueCheck(db);
    const cycle = await planNext(db, [], NOW);
    const steps = cycle!.steps.filter((s) => s.kind === 'revisions');
    expect(steps.map((s) => [s.paperIds![0], s.paperIds!.at(-1), s.paperIds!.length, s.endsSweep])).toEqual([
      [id(41), id(140), 100, false],
      [id(141), id(240), 100, false],
    ]);
  });

  it('ends the sweep with the last saved ids, and reads none once it is done', async () => {
    const db = freshDb();
    const papers = [entry(id(1)), entry(id(2)), entry('hep-th/9901001')];
    await storeMatches(db, 'k', papers, 1);
    for (const p of papers) await setSaved(db, p.id, true);
    await db.meta.put({ key: REVISION_SWEEP_KEY, value: { doneFor: 0, cursor: id(1) } });
    await enqueueCheck(db);
    const steps = (await planNext(db, [], NOW))!.steps;
    expect(steps.map((s) => [s.paperIds, s.endsSweep])).toEqual([[[id(2), 'hep-th/9901001'], true]]);
    await db.cycles.clear();
    await db.meta.put({ key: REVISION_SWEEP_KEY, value: { doneFor: NOW, cursor: '' } });
    await enqueueCheck(db);
    expect((await planNext(db, [], NOW))!.steps).toEqual([]);
  });
});
