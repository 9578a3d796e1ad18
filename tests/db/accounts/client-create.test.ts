import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../../schema';
import { verifyPassword } from '../../../worker/features/accounts/password';
import { startTestDatabase, type TestDatabase } from '../../support/database';

const run = promisify(execFile);
let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Runs `npm run client:create -- …` as an admin would, against the test database. */
async function clientCreate(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.resolve('node_modules/.bin/tsx'), ['scripts/client-create.ts', ...args], {
      env: { ...process.env, DATABASE_URL: database.databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run client:create', () => {
  it('creates a client and prints its ids, widget key and a one-time password', async () => {
    const result = await clientCreate(
      '--business',
      'Plomberie Tremblay',
      '--email',
      'Owner@Example.ca',
      '--language',
      'fr',
    );
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout) as Record<string, string>;
    expect(created).toMatchObject({
      business_name: 'Plomberie Tremblay',
      email: 'owner@example.ca',
      language: 'fr',
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.client_id).toMatch(/^plomberie-tremblay-[a-z0-9]{4}$/);
    expect(created.api_key).toMatch(/^pk_live_/);

    const [stored] = await database.access.service((tx) =>
      tx.select().from(clients).where(eq(clients.id, created.id!)),
    );
    expect(stored!.passwordHash).not.toContain(created.one_time_password);
    expect(await verifyPassword(created.one_time_password!, stored!.passwordHash)).toBe(true);
    expect(stored!.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate email, whatever its case, with a clear error', async () => {
    await clientCreate('--business', 'Toitures Laval', '--email', 'info@toitures.ca');
    const result = await clientCreate('--business', 'Toitures Laval bis', '--email', 'INFO@toitures.ca');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A client with the email info@toitures.ca already exists.');
    expect(result.stdout).toBe('');
  });

  it('explains invalid input without touching the database', async () => {
    const badLanguage = await clientCreate('--business', 'X', '--email', 'x@example.ca', '--language', 'es');
    expect(badLanguage).toMatchObject({ code: 2 });
    expect(badLanguage.stderr).toContain('language must be en or fr');
    const missing = await clientCreate('--email', 'x@example.ca');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--business and --email are required');
  });
});
