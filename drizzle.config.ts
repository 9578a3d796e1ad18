import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: it diffs schema/ against the last snapshot and
// needs no database. Migrations are applied by `npm run db:migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './schema/index.ts',
  out: './schema/migrations',
});
