// Enumerations the UI lists, kept here so that the bundle never imports zod; `satisfies` ties them to the schema types.
import type { Channel, Dimension, ExperienceDimension, Owner, Role } from '@throughline/schema';

export const EXPERIENCE_DIMENSIONS = [
  'sensorial',
  'affective',
  'cognitive',
  'relational',
  'behavioral',
] as const satisfies readonly ExperienceDimension[];
export const DIMENSIONS = [
  ...EXPERIENCE_DIMENSIONS,
  'importance',
  'handoff',
  'theme',
] as const satisfies readonly Dimension[];
export const DEFAULT_PROMPT_DIMENSIONS = [
  'sensorial',
  'affective',
  'cognitive',
] as const satisfies readonly Dimension[];
export const CHANNELS = ['web', 'app', 'email', 'offline', 'social'] as const satisfies readonly Channel[];
export const OWNERS = ['brand', 'partner', 'customer', 'external'] as const satisfies readonly Owner[];
export const ROLES = ['owner', 'editor', 'viewer'] as const satisfies readonly Role[];
/** Whether `role` may do what `needed` may: ROLES runs from most to least (owner ⊃ editor ⊃ viewer), as the API checks. */
export const roleAtLeast = (role: Role, needed: Role) => ROLES.indexOf(role) <= ROLES.indexOf(needed);
