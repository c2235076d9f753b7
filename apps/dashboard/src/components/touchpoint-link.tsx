// A touchpoint's name as a link to its page (/sites/{id}/touchpoints/{key}), keeping the filters in use: every
// place a touchpoint appears leads there.
import type { ComponentChildren } from 'preact';
import { isShared } from '../api/client';
import { withFilters } from '../router';
import { Link } from './link';

export const touchpointHref = (siteId: string, key: string) =>
  withFilters(`/sites/${encodeURIComponent(siteId)}/touchpoints/${encodeURIComponent(key)}`);

/** The site comes from the current path (/sites/{id}/…): the views that show touchpoints all live under it. */
export function TouchpointLink({
  tpKey,
  children,
  class: cls,
}: {
  tpKey: string;
  children: ComponentChildren;
  class?: string;
}) {
  // a shared link opens one view: no page to go to
  if (isShared()) return <>{children}</>;
  const siteId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
  return (
    <Link href={touchpointHref(siteId, tpKey)} class={cls}>
      {children}
    </Link>
  );
}
