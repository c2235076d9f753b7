// Comment search and themes through the API, on comments sent as the widget sends them.
import { describe, expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
interface Page {
  responses: { comment: string; visitor: string }[];
}

async function send(key: string, who: string, touchpoint: string, comment: string) {
  const res = await postEvents(
    {
      site: key,
      visitor: who,
      events: [answerEvent(touchpoint, { comment, answers: { sensorial: 2, affective: 2, cognitive: 2 } })],
    },
    ORIGIN,
  );
  expect(res.status).toBe(202);
}

describe('comments', () => {
  it('finds comments by any part of a word, in any script, and forgets a deleted visitor’s', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const [de, ja] = [visitor(), visitor()];
    await send(site.key, de, 'checkout', 'Der Gutscheincode fehlt');
    await send(site.key, ja, 'checkout', '配送が遅い');
    await send(site.key, visitor(), 'cart', 'Réduction introuvable');
    const search = async (q: string) =>
      (await (await s.get(`/api/v1/sites/${site.id}/responses?q=${encodeURIComponent(q)}`)).json<Page>()).responses.map(
        (r) => r.comment,
      );
    expect(await search('gutschein')).toEqual(['Der Gutscheincode fehlt']);
    expect(await search('配送')).toEqual(['配送が遅い']);
    expect(await search('reduction')).toEqual(['Réduction introuvable']);
    expect(await search('voucher')).toEqual([]);
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}/visitors/${de}`)).status).toBe(200);
    expect(await search('gutschein')).toEqual([]);
  });

  it('groups the same complaint and names the touchpoint’s theme with its count and quality', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    for (const text of [
      'Could not find where to enter my voucher.',
      'could not find where to enter my voucher',
      'Voucher field hidden',
    ]) {
      await send(site.key, visitor(), 'checkout', text);
    }
    for (const text of ['Shipping costs too high', 'Nice photos', 'Loved the photos'])
      await send(site.key, visitor(), 'cart', text);
    const t = await (await s.get(`/api/v1/sites/${site.id}/comments/themes`)).json<{
      comments: number;
      groups: { text: string; count: number }[];
      themes: { touchpoint: string; phrase: string; count: number; quality: number | null }[];
    }>();
    expect(t.comments).toBe(6);
    expect(t.groups).toMatchObject([{ count: 2, touchpoints: ['checkout'] }]);
    expect(t.groups[0]!.text.toLowerCase()).toMatch(/^could not find where to enter my voucher\.?$/);
    // every answer here is 2, 2, 2: quality 25
    expect(t.themes.find((x) => x.touchpoint === 'checkout' && x.phrase === 'voucher')).toMatchObject({
      count: 3,
      quality: 25,
    });
    expect(t.themes.some((x) => x.touchpoint === 'cart')).toBe(false);
  });
});
