import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedActionsStatement, seedLeadsStatement } from '../../../scripts/lib/dashboard-leads';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/** `npm run job -- TYPE [options]` as an operator runs it, against the test database. */

const run = promisify(execFile);
let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function job(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.resolve('node_modules/.bin/tsx'), ['scripts/job.ts', ...args], {
      env: { ...process.env, DATABASE_URL: database.databaseUrl, OPENAI_API_KEY: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run job', () => {
  it('runs the growth analysis of a client named by its public id and prints the row it wrote', async () => {
    const client = await insertClient(database.access);
    await database.db.execute(
      seedLeadsStatement({ clientId: client.id, leads: 200, now: new Date(), allActive: true }),
    );
    await database.db.execute(seedActionsStatement(client.id, client.email));
    const [named] = (
      await database.access.service((tx) =>
        tx.execute<{ client_id: string }>(sql`select client_id from clients where id = ${client.id}`),
      )
    ).rows;

    const result = await job('intelligence_analysis', '--client', named!.client_id);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      outcome: string;
      result: { totalLeads: number; engine: string; digest: string };
      growth_brain: {
        clientId: string;
        totalLeads: number;
        predictiveInsights: { en: { recommendations: unknown[] } };
      };
    };
    expect(printed.outcome).toBe('done');
    expect(printed.result).toMatchObject({ totalLeads: 200, engine: 'offline', digest: 'not_weekly' });
    expect(printed.growth_brain.clientId).toBe(client.id);
    expect(printed.growth_brain.totalLeads).toBe(200);
    expect(printed.growth_brain.predictiveInsights.en.recommendations.length).toBeGreaterThanOrEqual(3);

    // --weekly is Monday's run: its digest goes once, however often it is run.
    for (let n = 0; n < 2; n++)
      expect((await job('intelligence_analysis', '--client', client.id, '--weekly')).code).toBe(0);
    const digests = await database.access.service((tx) =>
      tx.execute(sql`select 1 from sent_emails where client_id = ${client.id} and kind = 'digest'`),
    );
    expect(digests.rows).toHaveLength(1);
  }, 180_000);

  it('runs the learning loop’s daily work now: the retention upkeep and the look at prompt experiments', async () => {
    const client = await insertClient(database.access);
    await database.access.service((tx) =>
      tx.execute(sql`insert into performance_metrics (event_type, metric_name, metric_value, metric_unit,
        response_time_ms, source_component, client_id, recorded_at)
        values ('ai_analysis', 'response_time', 120, 'ms', 120, 'intelligence_engine', ${client.id}, now() - interval '45 days')`),
    );
    const retention = await job('learning_retention');
    expect(retention.code, retention.stderr).toBe(0);
    expect(JSON.parse(retention.stdout)).toMatchObject({
      outcome: 'done',
      result: { predictionsTimedOut: 0, metricsRolledUp: 1, rollupRowsWritten: 1 },
    });
    // Run again, it finds nothing left: a second operator run is harmless.
    expect(JSON.parse((await job('learning_retention')).stdout).result).toMatchObject({ metricsRolledUp: 0 });

    const experiments = await job('prompt_experiment');
    expect(experiments.code, experiments.stderr).toBe(0);
    expect(JSON.parse(experiments.stdout)).toMatchObject({
      outcome: 'done',
      result: { looked: 0, ended: [], failed: [] },
    });
  });

  it('says what is wrong with a command line, and lists what it can run', async () => {
    const unknownClient = await job('intelligence_analysis', '--client', 'nobody-here');
    expect(unknownClient.code).toBe(2);
    expect(unknownClient.stderr).toContain('No client has the id or client_id "nobody-here"');

    const unknownJob = await job('make_coffee');
    expect(unknownJob.code).toBe(2);
    expect(unknownJob.stderr).toContain('no job is registered as "make_coffee"');
    expect(unknownJob.stderr).toContain('npm run job -- intelligence_analysis --client');
    expect(unknownJob.stderr).toContain('npm run job -- enrich_lead --lead');
  }, 60_000);
});
