// Who is signed in: one signal that the whole app reads (header, team, the role checks of every view), set where a
// sign-in, a switch of organization or a sign-out happens. Components that read `session.value` re-render on change.
import type { Me, Role } from '@throughline/schema';
import { effect, signal } from '@preact/signals';
import { roleAtLeast } from '../constants';
import { resetSites } from './sites-store';

/** `undefined` while the app asks who is signed in; `null` when nobody is (or on a shared link). */
export const session = signal<Me | null | undefined>(undefined);

export const signIn = (me: Me) => void (session.value = me);
export const signOut = () => void (session.value = null);

/** Whether the signed-in member has at least `needed`; nobody signed in (a shared link) is a viewer. */
export const useCan = (needed: Role) => roleAtLeast(session.value?.role ?? 'viewer', needed);

// Another person or organization than before (a switch, or log out and in as someone else): their sites, not the last ones.
let lastWho: string | null = null;
effect(() => {
  const me = session.value;
  const who = me ? `${me.user.id}:${me.organization.id}` : null;
  if (who && lastWho && who !== lastWho) resetSites();
  if (who) lastWho = who;
});
