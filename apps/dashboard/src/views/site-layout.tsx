// A site's frame: its name, the view tabs, the filter bar, and one shared overview load for the analytics views.
import type { JourneyTypes, Overview, ShareInfo } from '@throughline/schema';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client';
import { rememberSite } from '../api/sites-store';
import { useResource } from '../api/use-resource';
import { FilterBar } from '../components/filter-bar';
import { ShareView } from '../components/share-view';
import { useCan } from '../api/session';
import { lazyView } from '../components/lazy';
import { Link } from '../components/link';
import { ErrorMessage, Loading } from '../components/states';
import { readFilters } from '../filters';
import { setQuery, withFilters } from '../router';
import { JourneyMapView } from './journey-map';
import type { ViewProps } from './view-props';

export const SITE_VIEWS = [
  { id: 'map', label: 'Journey map', analytics: true },
  { id: 'priorities', label: 'Priorities', analytics: true },
  { id: 'consistency', label: 'Consistency', analytics: true },
  { id: 'connectivity', label: 'Connectivity', analytics: true },
  { id: 'employees', label: 'Employees', analytics: true },
  { id: 'trends', label: 'Trends', analytics: true },
  { id: 'partners', label: 'Partners', analytics: true },
  { id: 'responses', label: 'Responses', analytics: true },
  { id: 'journey', label: 'Journey setup', analytics: false },
  { id: 'install', label: 'Install', analytics: false },
  { id: 'settings', label: 'Settings', analytics: false },
] as const;
export type SiteView = (typeof SITE_VIEWS)[number]['id'];

const PrioritiesView = lazyView<ViewProps>(() => import('./priorities').then((m) => m.PrioritiesView));
const ConsistencyView = lazyView<ViewProps>(() => import('./consistency').then((m) => m.ConsistencyView));
const ConnectivityView = lazyView<ViewProps>(() => import('./connectivity').then((m) => m.ConnectivityView));
const PartnersView = lazyView<ViewProps>(() => import('./partners').then((m) => m.PartnersView));
const EmployeesView = lazyView<ViewProps>(() => import('./employees').then((m) => m.EmployeesView));
const TrendsView = lazyView<ViewProps>(() => import('./trends').then((m) => m.TrendsView));
const ResponsesView = lazyView<ViewProps>(() => import('./responses').then((m) => m.ResponsesView));
const JourneyEditorView = lazyView<ViewProps>(() => import('./journey-editor').then((m) => m.JourneyEditorView));
const InstallView = lazyView<ViewProps>(() => import('./install').then((m) => m.InstallView));
const TouchpointView = lazyView<ViewProps & { touchpoint: string }>(() =>
  import('./touchpoint').then((m) => m.TouchpointView),
);
const SettingsView = lazyView<ViewProps>(() => import('./settings').then((m) => m.SettingsView));

const VIEWS: Record<SiteView, ComponentType<ViewProps>> = {
  map: JourneyMapView,
  priorities: PrioritiesView,
  consistency: ConsistencyView,
  connectivity: ConnectivityView,
  employees: EmployeesView,
  trends: TrendsView,
  partners: PartnersView,
  responses: ResponsesView,
  journey: JourneyEditorView,
  install: InstallView,
  settings: SettingsView,
};

/** `touchpoint`: the page of one touchpoint (under the Journey map tab), instead of the view. */
/** `shared`: opened by a share link: that view only, read-only, with a banner saying so. */
export function SiteLayout({
  siteId,
  view,
  query,
  touchpoint,
  shared,
}: {
  siteId: string;
  view: SiteView;
  query: URLSearchParams;
  touchpoint?: string;
  shared?: ShareInfo;
}) {
  const site = useResource((s) => api.site(siteId, s), [siteId]);
  const meta = SITE_VIEWS.find((v) => v.id === view)!;
  // docs/metrics.md › Journey types: the map and the flow (stage columns) show one type at a time, the default until
  // another is picked; a shared view keeps the type its link was made with
  const types = useResource(
    (s) => (meta.analytics && !shared ? api.journeyTypes(siteId, s) : new Promise<JourneyTypes>(() => {})),
    [siteId, meta.analytics, !shared],
  );
  const typeList = types.data?.journeyTypes;
  const oneType = !shared && (view === 'map' || view === 'connectivity') && touchpoint === undefined;
  const fromUrl = readFilters(query);
  // `journey=all` is every journey (not on the map and the flow); without `journey`, every view shows the default type,
  // so that moving between views keeps one overview. A type this site does not have (a link from another site) is dropped.
  const all = fromUrl.journey === 'all';
  const unknown =
    fromUrl.journey !== undefined &&
    !all &&
    typeList !== undefined &&
    !typeList.some((t) => t.slug === fromUrl.journey || t.id === fromUrl.journey);
  useEffect(() => void (unknown && setQuery({ journey: null })), [unknown]);
  const several = typeList !== undefined && typeList.length > 1;
  const defaultSlug = typeList?.find((t) => t.isDefault)?.slug;
  const picked = unknown || all ? undefined : fromUrl.journey;
  const filters = { ...fromUrl, journey: picked ?? (several && (!all || oneType) ? defaultSlug : undefined) };
  // the views wait for the types, so that they do not first show every journey
  const waiting = !shared && !picked && !typeList && !types.error;
  // the partner view reads its own API (a partner's share link may not read the overview)
  const loadsOverview = meta.analytics && view !== 'partners' && !waiting;
  const overview = useResource<Overview>(
    (s) => (loadsOverview ? api.overview(siteId, filters, s) : new Promise<Overview>(() => {})),
    [siteId, filters.from, filters.to, filters.segment, filters.journey, loadsOverview],
    { live: loadsOverview },
  );

  const canShare = useCan('editor');
  useEffect(() => void (!shared && rememberSite(siteId)), [siteId]);
  // On narrow screens the tabs scroll sideways: keep the current one in view.
  useEffect(
    () =>
      document
        .querySelector('.site-nav [aria-current="page"]')
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    [view],
  );
  useEffect(() => {
    document.title = `${touchpoint ?? meta.label}${site.data ? ` · ${site.data.name}` : ''} · Throughline`;
  }, [meta.label, site.data?.name, touchpoint]);

  const View = VIEWS[view];
  return (
    <>
      {shared ? (
        <aside class="callout shared-banner" aria-label="About this shared view">
          Read-only view of <strong>{shared.siteName}</strong>
          {shared.label ? ` (${shared.label})` : ''}, shared with you. The link works until{' '}
          {new Date(shared.expiresAt).toLocaleDateString()}.
        </aside>
      ) : (
        <nav class="site-nav" aria-label="Site views">
          <div class="site-nav-inner">
            {SITE_VIEWS.map((v) => (
              <Link
                key={v.id}
                href={
                  v.analytics
                    ? withFilters(`/sites/${encodeURIComponent(siteId)}/${v.id}`, query)
                    : `/sites/${encodeURIComponent(siteId)}/${v.id}`
                }
                class="tab"
                aria-current={v.id === view ? 'page' : undefined}
              >
                {v.label}
              </Link>
            ))}
          </div>
        </nav>
      )}
      {meta.analytics && (
        <FilterBar key={siteId} {...filters} journeyTypes={typeList} oneType={oneType} updatedAt={overview.updatedAt} />
      )}
      {meta.analytics && !shared && touchpoint === undefined && canShare && <ShareView siteId={siteId} view={view} />}
      <main id="main" class="page" tabIndex={-1}>
        {site.error ? (
          <ErrorMessage error={site.error} retry={site.reload} />
        ) : !site.data ? (
          <Loading />
        ) : touchpoint === undefined ? (
          <View site={site.data} overview={overview} filters={filters} setSite={site.set} />
        ) : (
          <TouchpointView
            site={site.data}
            overview={overview}
            filters={filters}
            setSite={site.set}
            touchpoint={touchpoint}
          />
        )}
      </main>
    </>
  );
}
