// The API's front door: the link the README gives answers, and says where the OpenAPI document is.
import { expect, it } from 'vitest';
import { BASE, worker } from '../test/helpers';

it('answers GET /api/v1 with where the OpenAPI document is, and the document is there', async () => {
  const root = await worker.fetch(`${BASE}/api/v1`);
  expect(root.status).toBe(200);
  const { openapi } = await root.json<{ openapi: string }>();
  const doc = await worker.fetch(`${BASE}${openapi}`);
  expect(doc.status).toBe(200);
  expect(await doc.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Throughline API' } });
});
