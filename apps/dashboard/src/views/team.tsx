// Team: the organization's members and roles; for owners also invite links and API tokens; the organizations one
// belongs to, when several; the person's own password and sessions.
import type { Me } from '@throughline/schema';
import { useEffect } from 'preact/hooks';
import { AccountSection } from '../components/account-section';
import { InvitesSection } from '../components/invites-section';
import { MembersSection } from '../components/members-section';
import { OrganizationsSection } from '../components/org-switcher';
import { TokensSection } from '../components/tokens-section';

export function TeamView({ me, onSwitched }: { me: Me; onSwitched: (me: Me) => void }) {
  useEffect(() => void (document.title = 'Team · Throughline'), []);
  return (
    <main id="main" class="page page-narrow" tabIndex={-1}>
      <div class="view-head">
        <div>
          <h1>Team</h1>
          <p class="muted">
            Who can see and change {me.organization.name}
            {me.role === 'owner' ? ', invite links and API tokens.' : '. Owners invite members and manage API tokens.'}
          </p>
        </div>
      </div>
      <MembersSection me={me} />
      <OrganizationsSection me={me} onSwitched={onSwitched} />
      <AccountSection />
      {me.role === 'owner' && (
        <>
          <InvitesSection />
          <TokensSection />
        </>
      )}
    </main>
  );
}
