// A PATCH changes only the fields it names: renaming a site must not wipe its allowed origins
// (which would silently refuse every answer from the site's pages).
import { expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';

it('keeps the allowed origins of a site renamed by PATCH', async () => {
  const s = await signup();
  const site = await createSiteWithTouchpoints(s, [ORIGIN]);
  const res = await s.send('PATCH', `/api/v1/sites/${site.id}`, { name: 'Renamed' });
  expect(await res.json()).toMatchObject({ name: 'Renamed', origins: [ORIGIN] });
  const ingest = await postEvents({ site: site.key, visitor: visitor(), events: [answerEvent()] }, ORIGIN);
  expect(ingest.status).toBe(202);
});

it('keeps channel, owner and URL rules of a touchpoint renamed by PATCH', async () => {
  const s = await signup();
  const site = await createSiteWithTouchpoints(s);
  await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, {
    key: 'desk',
    name: 'Desk',
    stage: 'Support',
    channel: 'offline',
    owner: 'partner',
    match: ['/desk*'],
  });
  const res = await s.send('PATCH', `/api/v1/sites/${site.id}/touchpoints/desk`, { name: 'Front desk' });
  expect(await res.json()).toMatchObject({
    name: 'Front desk',
    channel: 'offline',
    owner: 'partner',
    match: ['/desk*'],
  });
});
