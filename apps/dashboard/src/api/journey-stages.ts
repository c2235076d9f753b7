// The stages of the journey type a view shows (docs/metrics.md › Journey types): the picked type's, else the site's
// own stages (the default type's). The site's stages are read as before; the types only when a type is picked.
import { api } from './client';
import { useResource, type Resource } from './use-resource';

export function useJourneyStages(siteId: string, journey: string | undefined): Resource<{ stages: string[] }> {
  const stages = useResource((s) => api.stages(siteId, s), [siteId]);
  const types = useResource((s) => (journey ? api.journeyTypes(siteId, s) : Promise.resolve(null)), [siteId, journey]);
  const type = journey ? types.data?.journeyTypes.find((t) => t.slug === journey || t.id === journey) : undefined;
  const ready = stages.data && (!journey || types.data !== undefined || types.error);
  return { ...stages, data: ready ? { stages: type ? type.stages : stages.data!.stages } : undefined };
}
