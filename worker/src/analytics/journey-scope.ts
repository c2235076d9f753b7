// A view's journey type (`journey=<id or slug>`, docs/metrics.md › Journey types): which rollup rows it reads, and
// the type's stages and touchpoints (each at its stage in that type). Without `journey`, every journey counts and
// the stages are the default type's, as for a site with one type.
import { listJourneyTypes } from '../db/journey-types';
import { listStages } from '../db/sites';
import { listTouchpoints, type TouchpointWithPrompt } from '../db/touchpoints';
import { ApiError } from '../errors';
import { typedSegment } from '../journey/rules';

export interface JourneyScope {
  /** The chosen type's id, or null for every journey. */
  type: string | null;
  stages: string[];
  touchpoints: TouchpointWithPrompt[];
  /** The rollup segment that holds `segment` ('all', 'device:mobile') for this scope. */
  rows: (segment: string) => string;
  /** The type whose answers carry it (store/event-rows.ts journey_type): null for every journey, or a site with one type. */
  answersOf: string | null;
}

export async function journeyScopeOf(db: D1Database, siteId: string, ref: string | undefined): Promise<JourneyScope> {
  if (ref === undefined) {
    const [stages, touchpoints] = await Promise.all([listStages(db, siteId), listTouchpoints(db, siteId)]);
    return { type: null, stages, touchpoints, rows: (s) => s, answersOf: null };
  }
  const [types, all] = await Promise.all([listJourneyTypes(db, siteId), listTouchpoints(db, siteId)]);
  const type = types.find((t) => t.id === ref || t.slug === ref);
  if (!type)
    throw new ApiError(400, 'invalid_journey', `no journey type "${ref}" on this site`, {
      journeyTypes: types.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
    });
  const stageOf = new Map(type.touchpoints.map((t) => [t.key, t.stage]));
  return {
    type: type.id,
    stages: type.stages,
    touchpoints: all.filter((t) => stageOf.has(t.key)).map((t) => ({ ...t, stage: stageOf.get(t.key)! })),
    // a site with one type keeps no typed rows: its one type is every journey
    rows: types.length > 1 ? (s) => typedSegment(type.id, s) : (s) => s,
    answersOf: types.length > 1 ? type.id : null,
  };
}
