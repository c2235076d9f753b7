// What the dashboard receives from the overview, pinned at the type level: `pnpm typecheck` fails when the worker's
// route and the schema's Overview part ways (a renamed or retyped field), before any screen shows it wrong.
import type { Overview } from '@throughline/schema';
import { expectTypeOf, test } from 'vitest';
import type { api } from './client';

type Received = Awaited<ReturnType<typeof api.overview>>;

test('the overview the dashboard receives is the schema Overview, field for field', () => {
  expectTypeOf<Received>().toEqualTypeOf<Overview>();
  expectTypeOf<Received['touchpoints'][number]['quality']>().toEqualTypeOf<number | null>();
  expectTypeOf<Received['consistency']['breaking']>().toEqualTypeOf<string[]>();
});
