// Team: the organization's members and roles; for owners also invite links and API tokens; the organizations one
// belongs to, when several; the person's own password and sessions.
import { useEffect } from 'preact/hooks';
import { session } from '../api/session';
import { AccountSection } from '../components/account-section';
import { InvitesSection } from '../components/invites-section';
import { MembersSection } from '../components/members-section';
import { OrganizationsSection } from '../components/org-switcher';
import { TokensSection } from '../components/tokens-section';

export function TeamView() {
  const me = session.value;
  useEffect(() => void (document.title = 'Team · Throughline'), []);
  if (!me) return null;
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
      <MembersSection />
      <OrganizationsSection />
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
