// "What does the Logistics team own, and how is it doing?": a team picker kept in the URL (`?team=`), shown where
// touchpoints have teams, and the filter it applies to the touchpoints a view shows.
import type { TouchpointScores } from '@throughline/schema';
import { setQuery, useLocation } from '../router';

/** The team in the URL, and the touchpoints of that team (all of them without one). */
export function useTeam<T extends Pick<TouchpointScores, 'team'>>(
  touchpoints: readonly T[],
): { team: string; shown: T[]; teams: string[] } {
  const team = useLocation().query.get('team') ?? '';
  const teams = [...new Set(touchpoints.map((t) => t.team).filter(Boolean))].sort();
  const on = team !== '' && teams.includes(team);
  return { team: on ? team : '', shown: on ? touchpoints.filter((t) => t.team === team) : [...touchpoints], teams };
}

export function TeamFilter({ team, teams }: { team: string; teams: string[] }) {
  if (!teams.length) return null;
  return (
    <div class="field team-filter">
      <label for="team-filter">Team</label>
      <select
        id="team-filter"
        value={team}
        onChange={(e) => setQuery({ team: (e.currentTarget as HTMLSelectElement).value || null })}
      >
        <option value="">Every team</option>
        {teams.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
