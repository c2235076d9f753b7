// The organization's members: role per member (owners change it), a password reset link to pass on, removal; an
// organization always keeps an owner.
import type { Role } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { session } from '../api/session';
import { ROLES } from '../constants';
import { useResource } from '../api/use-resource';
import { RoleSelect } from './role-select';
import { ScrollBox } from './scroll-box';
import { ShownOnce } from './snippet';
import { ErrorMessage, Loading } from './states';

const ROLE_HELP: Record<Role, string> = {
  owner: 'everything, including members and API tokens',
  editor: 'sets up journeys and prompts, sees all data',
  viewer: 'sees the dashboards and responses',
};

export function MembersSection() {
  const me = session.value;
  const members = useResource((s) => api.members(s), []);
  const [error, setError] = useState<ApiError>();
  const [reset, setReset] = useState<{ email: string; url: string; expiresAt: string }>();
  const owner = me?.role === 'owner';

  async function change(run: () => Promise<unknown>) {
    setError(undefined);
    setReset(undefined);
    try {
      await run();
      members.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  if (!me) return null;
  return (
    <section class="section" aria-labelledby="members-h">
      <h2 id="members-h">Members</h2>
      {error && <ErrorMessage error={error} title="The change was not made" />}
      {members.error ? (
        <ErrorMessage error={members.error} retry={members.reload} />
      ) : !members.data ? (
        <Loading rows={2} />
      ) : (
        <ScrollBox label="Members table">
          <table class="data">
            <thead>
              <tr>
                <th>Email</th>
                <th>Role</th>
                <th>Joined</th>
                {owner && (
                  <th>
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((m) => (
                <tr key={m.userId} data-testid="member">
                  <td>
                    {m.email} {m.you && <span class="badge badge-neutral">you</span>}
                  </td>
                  <td>
                    {owner ? (
                      <RoleSelect
                        label={`Role of ${m.email}`}
                        value={m.role}
                        onChange={(role) =>
                          change(() =>
                            api.setRole(
                              m.userId,
                              role,
                              role !== 'owner' && confirm(`Also revoke the API tokens ${m.email} made?`),
                            ),
                          )
                        }
                      />
                    ) : (
                      m.role
                    )}
                  </td>
                  <td>{new Date(m.joinedAt).toLocaleDateString()}</td>
                  {owner && (
                    <td>
                      {!m.you && (
                        <button
                          type="button"
                          class="btn btn-ghost btn-sm"
                          aria-label={`Reset link for ${m.email}`}
                          onClick={() =>
                            change(async () => setReset({ email: m.email, ...(await api.resetLink(m.userId)) }))
                          }
                        >
                          Reset link
                        </button>
                      )}
                      {!m.you && (
                        <button
                          type="button"
                          class="btn btn-ghost btn-sm btn-danger-text"
                          aria-label={`Remove ${m.email}`}
                          onClick={() =>
                            confirm(`Remove ${m.email} from ${me.organization.name}?`) &&
                            change(() =>
                              api.removeMember(
                                m.userId,
                                confirm(
                                  `Also revoke the API tokens ${m.email} made? (Their tokens stop acting either way.)`,
                                ),
                              ),
                            )
                          }
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {reset && (
        <ShownOnce
          message={`Pass this link on to ${reset.email}: it sets a new password once, until ${new Date(reset.expiresAt).toLocaleString()}, and signs them out everywhere. It is shown only now; a new link replaces it.`}
          text={reset.url}
          label="Password reset link"
        />
      )}
      <p class="hint">Roles: {ROLES.map((r) => `${r} — ${ROLE_HELP[r]}`).join('; ')}.</p>
    </section>
  );
}
