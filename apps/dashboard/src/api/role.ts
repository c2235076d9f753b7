// The signed-in member's role, for views that offer changes: a viewer sees the same screens without the controls
// the API would refuse (403), and is told who can change things.
import type { Role } from '@throughline/schema';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { roleAtLeast } from '../constants';

export const RoleContext = createContext<Role>('viewer');

/** Whether the signed-in member has at least `needed`. */
export const useCan = (needed: Role) => roleAtLeast(useContext(RoleContext), needed);
