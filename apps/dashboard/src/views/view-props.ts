// What the site frame (site-layout.tsx) hands every site view: its own module, so views and frame import it without
// importing each other.
import type { Overview, Site } from '@throughline/schema';
import type { Resource } from '../api/use-resource';
import type { readFilters } from '../filters';

export interface ViewProps {
  site: Site;
  overview: Resource<Overview>;
  /** The URL's filters; on the journey map and the flow `journey` is always one type when the site has several. */
  filters: ReturnType<typeof readFilters>;
  /** Replace the site after a change (e.g. its settings), so every view sees the saved state. */
  setSite: (site: Site) => void;
}
