// The widget's prompt as a visitor meets it: found in its shadow root, answered with a mouse, sent.
// Shared by the widget suites and the end-to-end flows, so every test answers the prompt the same way.
import type { Page, Response } from 'playwright-core';

/** The prompt card (a labelled region inside `<throughline-prompt>`'s open shadow root). */
export const prompt = (page: Page) => page.locator('throughline-prompt section[role="region"]');

/** Picks option `option` (1–5) of every question and presses Send, without waiting for the reply. */
export async function sendAnswer(page: Page, option = 4): Promise<void> {
  const p = prompt(page);
  await p.waitFor({ timeout: 15_000 });
  const groups = p.locator('fieldset');
  for (let i = 0, n = await groups.count(); i < n; i++)
    await groups
      .nth(i)
      .locator('.opt')
      .nth(option - 1)
      .click();
  await p.locator('button.send').click();
}

/** Answers like `sendAnswer`, then waits for the thank-you state. */
export async function answer(page: Page, option = 4): Promise<void> {
  await sendAnswer(page, option);
  await prompt(page).locator('.thanks').waitFor();
}

/** The worker's reply to the next POST /v1/events that carries an answer. */
export const answerStored = (page: Page): Promise<Response> =>
  page.waitForResponse((r) => r.url().endsWith('/v1/events') && (r.request().postData() ?? '').includes('"answer"'));
