// /api/v1/sites/{id}/comments/themes: what the comments in a range say, grouped and as themes per touchpoint
// (comments/themes.ts), from the newest 5,000 comments with the responses filters (range, segment).
import { createRoute } from '@hono/zod-openapi';
import { AnalyticsQuerySchema, CommentThemesSchema } from '@throughline/schema';
import { commentThemes, groupSameComments, type ThemeComment } from '../comments/themes';
import { apiApp, errors, json } from '../openapi';
import { allResponses, answerFilterOf } from '../store/responses-read';
import { ownSite, SiteIdParam } from './site-scope';

const MAX_COMMENTS = 5_000;

const themes = createRoute({
  method: 'get',
  path: '/sites/{id}/comments/themes',
  tags: ['responses'],
  description:
    'Near-identical comments grouped with a count, and per touchpoint the words and word pairs over-represented in its ' +
    'comments against the rest of the site (at least 3 comments, twice the share elsewhere), each with the mean quality of ' +
    'the answers that mention it. Deterministic; no external service. Comment search is `q` on /responses.',
  request: { params: SiteIdParam, query: AnalyticsQuerySchema },
  responses: { 200: json(CommentThemesSchema), ...errors },
});

export const commentThemesRoute = apiApp().openapi(themes, async (c) => {
  const site = await ownSite(c, c.req.valid('param').id);
  const filter = await answerFilterOf(c.env.DB, site.id, { ...c.req.valid('query'), hasComment: 'true' });
  const comments: ThemeComment[] = [];
  let capped = false;
  for await (const page of allResponses(c.env, site, filter, 1_000)) {
    for (const r of page)
      if (r.comment) comments.push({ touchpoint: r.touchpoint, comment: r.comment, quality: r.quality });
    if (comments.length >= MAX_COMMENTS) {
      capped = true;
      break;
    }
  }
  const read = comments.slice(0, MAX_COMMENTS);
  return c.json(
    { comments: read.length, capped, groups: groupSameComments(read).slice(0, 50), themes: commentThemes(read) },
    200,
  );
});
