// A choice of role (owner, editor, viewer): for invites, API tokens and members.
import type { Role } from '@throughline/schema';
import { ROLES } from '../constants';

export function RoleSelect({
  id,
  label,
  value,
  onChange,
}: {
  id?: string;
  label?: string;
  value: Role;
  onChange: (role: Role) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Role)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
