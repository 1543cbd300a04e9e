import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArxivEntry } from '../../lib/arxiv/types';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { ArxivWorld, hoursBefore } from './support/arxiv-world';
import { launchExtension, type ExtensionSession } from './support/extension';
import { waitForIdleCheck } from './support/seed';

/** Three sub-topics of one keyword ("learning"), four papers each, interleaved by date. */
const TOPICS = {
  graph: 'message passing graph neural networks on molecular graphs',
  quantum: 'quantum error correction with surface codes and decoders',
  vision: 'vision transformers for image segmentation with attention',
} as const;
type Topic = keyof typeof TOPICS;

function papers(now: number): Array<ArxivEntry & { topic: Topic }> {
  return Array.from({ length: 12 }, (_, n) => {
    const topic = (['graph', 'quantum', 'vision'] as const)[n % 3]!;
    const at = hoursBefore(now, 2 + n);
    return {
      topic,
      id: `2611.${String(100 + n).padStart(5, '0')}`,
      version: 1,
      title: `Learning ${TOPICS[topic]}, paper ${String.fromCharCode(65 + n)}`,
      summary: `We study learning for ${TOPICS[topic]}. Our ${topic} results improve on ${TOPICS[topic]} baselines.`,
      authors: [{ name: `Author ${topic}`, affiliations: [] }],
      published: at,
      updated: at,
      categories: ['cs.LG'],
      primaryCategory: 'cs.LG',
    };
  });
}

describe('"For you", "Not interested" and "Hidden" (issue 12)', () => {
  let session: ExtensionSession;

  beforeEach(async () => {
    session = await launchExtension();
  });

  afterEach(async () => {
    await session?.close();
    session?.dispose();
  });

  it('ranks what the user saved first, hides what they dismissed from every list, and brings it back', async () => {
    const world = new ArxivWorld();
    session.arxiv.serve(world.respond);
    const library = papers(Date.now());
    world.add(...library);
    const titleOf = (topic: Topic, i: number) => library.filter((p) => p.topic === topic)[i]!.title;
    const topicOf = (title: string) => library.find((p) => p.title === title)?.topic;

    const options = await OptionsPage.open(session);
    const start = Date.now();
    await options.addKeyword('learning');
    await waitForIdleCheck(session, start);

    const popup = await PopupPage.open(session);
    await popup.tab('learning').click();
    await expect.poll(() => popup.papers().count()).toBe(12);

    // Before three papers are saved, "For you" says what to do and ranks nothing.
    await popup.tab('For you').click();
    await popup.page.getByText(/Save at least 3 papers you like/).waitFor();
    expect(await popup.papers().count()).toBe(0);

    // Save three graph papers; mark two quantum papers "Not interested" (one with the x key).
    await popup.tab('learning').click();
    for (const i of [0, 1, 2]) {
      await popup.paper(titleOf('graph', i)).getByRole('button', { name: 'Save', exact: true }).click();
    }
    await popup.paper(titleOf('quantum', 0)).getByRole('button', { name: 'Not interested' }).click();
    await expect.poll(() => popup.titles()).not.toContain(titleOf('quantum', 0));
    await popup.paper(titleOf('quantum', 1)).getByRole('button', { name: 'Show abstract' }).click();
    await popup.press('x');
    await expect.poll(() => popup.titles()).not.toContain(titleOf('quantum', 1));
    const dismissed = [titleOf('quantum', 0), titleOf('quantum', 1)];

    // "For you" ranks the unread papers once the worker has trained: the graph papers first.
    await popup.tab('For you').click();
    await expect.poll(() => popup.papers().count(), { timeout: 30_000 }).toBe(10);
    const ranked = await popup.titles();
    expect(ranked.slice(0, 4).map(topicOf)).toEqual(['graph', 'graph', 'graph', 'graph']);
    expect(ranked.filter((t) => dismissed.includes(t))).toEqual([]);
    // Each card says why, from the words it shares with the saved papers.
    const why = await popup.paper(ranked[0]!).locator('.paper-why').textContent();
    expect(why).toMatch(/^Like your saved papers: .*(graph|message passing|molecular)/);

    // The dismissed papers are in no other list either.
    for (const tab of ['All new', 'Saved', 'learning']) {
      await popup.tab(tab).click();
      await expect.poll(() => popup.selectedTab().getAttribute('aria-label')).toMatch(new RegExp(`^${tab}`));
      expect((await popup.titles()).filter((t) => dismissed.includes(t))).toEqual([]);
    }

    // The keyword's list sorted "For you" puts the graph papers first too.
    await popup.page.getByRole('button', { name: 'For you', exact: true }).click();
    await expect
      .poll(async () => (await popup.titles()).slice(0, 4).map(topicOf))
      .toEqual(['graph', 'graph', 'graph', 'graph']);

    // "More like this" on a vision paper lists the other vision papers first.
    await popup.paper(titleOf('vision', 0)).getByRole('button', { name: 'More like this' }).click();
    await popup.page.getByText(/papers like “/).waitFor();
    expect((await popup.titles()).slice(0, 3).map(topicOf)).toEqual(['vision', 'vision', 'vision']);
    await popup.page.getByRole('button', { name: /Back to the list/ }).click();

    // "Hidden" lists the two, most recent first; one is restored and is back in the keyword's list.
    await popup.tab('Hidden').click();
    await expect.poll(() => popup.titles()).toEqual([dismissed[1], dismissed[0]]);
    await popup.paper(dismissed[0]!).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => popup.titles()).toEqual([dismissed[1]]);
    await popup.tab('learning').click();
    await expect.poll(() => popup.titles()).toContain(dismissed[0]);
    expect(await popup.titles()).not.toContain(dismissed[1]);
  });
});
