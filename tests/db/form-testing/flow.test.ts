import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formTestBatches, prospectCandidates, prospectFormTests } from '../../../schema';
import { approveBatch, proposeBatch } from '../../../worker/features/form-testing/batches';
import { receiveAnswer } from '../../../worker/features/form-testing/inbound';
import { formTestLimits } from '../../../worker/features/form-testing/limits';
import { markTimeouts, type RunDeps, runBatch } from '../../../worker/features/form-testing/run';
import { listFormTests } from '../../../worker/features/form-testing/views';
import type { Env } from '../../../worker/platform/env';
import { createSafeFetcher } from '../../../worker/platform/fetch/safe-fetch';
import type { InboundMessage } from '../../../worker/platform/mail/inbound';
import { readReplyAddress } from '../../../worker/platform/mail/reply-address';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * A batch of form tests from proposal to answers, on the database and against small local
 * sites: only approved batches run, each form is written to once as its page would send
 * it, what cannot be tested honestly fails with its reason, the first answer completes
 * its test, and silence becomes a timeout.
 */

const FORM = `<form action="/envoyer" method="post"><input type="hidden" name="_token" value="tok-1">
  <label for="n">Votre nom</label><input id="n" name="nom" required><input type="email" name="courriel" required>
  <textarea name="message" required></textarea><div style="display:none"><input name="url"></div></form>`;

const SITES: Record<string, Record<string, string>> = {
  'plomberie-ecrivez': { '/nous-joindre': `<html lang="fr"><body><h1>Nous joindre</h1>${FORM}</body></html>` },
  'toiture-captcha': {
    '/soumission': `<html lang="fr"><head><script src="https://www.google.com/recaptcha/api.js"></script></head><body>
      <form method="post"><input name="nom"><input type="email" name="courriel"><textarea name="message"></textarea>
      <div class="g-recaptcha" data-sitekey="x"></div></form></body></html>`,
  },
  'paysagiste-script': {
    '/soumission': `<html lang="fr"><body><div id="f"><input name="nom"><input type="email" name="courriel">
      <textarea name="message"></textarea><button onclick="envoyer()">Envoyer</button></div></body></html>`,
  },
  'clinique-robots': { '/contact': `<html lang="fr"><body>${FORM}</body></html>` },
};

interface Post {
  slug: string;
  path: string;
  cookie: string | undefined;
  body: URLSearchParams;
}

let server: Server;
let origin: string;
let database: TestDatabase;
const posts: Post[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const match = /^\/sites\/([^/]+)(\/[^?]*)?/.exec(request.url ?? '');
    const slug = match?.[1] ?? '';
    const path = match?.[2] ?? '/';
    if (path === '/robots.txt') {
      response
        .writeHead(slug === 'clinique-robots' ? 200 : 404, { 'Content-Type': 'text/plain' })
        .end(slug === 'clinique-robots' ? 'User-agent: *\nDisallow: /contact\n' : '');
      return;
    }
    if (request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        posts.push({ slug, path, cookie: request.headers.cookie, body: new URLSearchParams(body) });
        response.writeHead(303, { Location: '/merci' }).end();
      });
      return;
    }
    if (path === '/merci') {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>Merci!</p>');
      return;
    }
    const page = SITES[slug]?.[path];
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'session=s-42; Path=/; HttpOnly' })
      .end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await startTestDatabase();
  await database.access.service((tx) =>
    tx.insert(prospectCandidates).values(
      [
        ['plomberie-ecrivez', '/nous-joindre', 90],
        ['toiture-captcha', '/soumission', 85],
        ['paysagiste-script', '/soumission', 80],
        ['clinique-robots', '/contact', 75],
      ].map(([slug, path, need]) => ({
        businessName: String(slug).replace('-', ' '),
        website: `https://${slug}.test`,
        domain: `${slug}.test`,
        industry: 'plumbing',
        language: 'fr' as const,
        formUrl: `https://${slug}.test${path}`,
        automationNeedScore: Number(need),
        analysisStatus: 'analyzed' as const,
      })),
    ),
  );
});
afterAll(async () => {
  await database?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const addresses = { secret: 'a-test-secret-of-at-least-32-characters!', domain: 'in.avenir.example' };
const limits = formTestLimits({});

function deps(): RunDeps {
  return {
    db: database.access,
    fetcher: createSafeFetcher({
      resolver: { resolve: async () => [] },
      userAgent: 'AvenirBot/1.0 (test)',
      demoSites: { origin },
    }),
    addresses,
    limits,
    sender: { name: 'Marie Tremblay', phone: null, company: 'Avenir' },
  };
}

/** An answer as the email handler reads it. */
function answer(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    messageId: `${crypto.randomUUID()}@plomberie-ecrivez.test`,
    envelopeFrom: 'luc@plomberie-ecrivez.test',
    envelopeTo: 'test+ft@in.avenir.example',
    from: { address: 'luc@plomberie-ecrivez.test', name: 'Luc Gagnon' },
    replyTo: null,
    subject: 'Re: Demande d’information',
    date: new Date().toISOString(),
    inReplyTo: null,
    references: [],
    text,
    newText: text,
    html: null,
    attachments: 0,
    rawSize: text.length + 400,
    truncated: false,
    auto: { submitted: false, reasons: [] },
    bounce: null,
    ...overrides,
  };
}

const testRows = () =>
  database.access.service((tx) =>
    tx
      .select({ test: prospectFormTests, domain: prospectCandidates.domain })
      .from(prospectFormTests)
      .innerJoin(prospectCandidates, eq(prospectCandidates.id, prospectFormTests.prospectId))
      .orderBy(prospectCandidates.domain),
  );

describe('a batch of form tests', () => {
  let batchId: string;

  it('runs only once a person approved it', async () => {
    const batch = await proposeBatch(database.access, { limit: 10, proposedBy: 'staff@avenir.example', limits });
    batchId = batch.id;
    expect(batch.prospectIds).toHaveLength(4);
    expect(await runBatch(deps(), batch.id)).toBeNull(); // proposed, not approved: nothing is sent
    expect(posts).toHaveLength(0);
    await approveBatch(database.access, batch.id, 'staff@avenir.example');
  });

  it('writes to the form as its page would, and fails honestly where a test cannot be', async () => {
    const run = await runBatch(deps(), batchId);
    expect(run).toMatchObject({
      submitted: 1,
      failed: { captcha: 1, javascript_only: 1, robots_disallowed: 1 },
      skipped: {},
    });
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post).toMatchObject({ slug: 'plomberie-ecrivez', path: '/envoyer', cookie: 'session=s-42' });
    expect(post.body.get('_token')).toBe('tok-1');
    expect(post.body.get('nom')).toBe('Marie Tremblay');
    expect(post.body.get('url')).toBe(''); // the honeypot, left empty as a person leaves it
    expect(post.body.get('message')).toMatch(/^Bonjour,.*Marie Tremblay$/s);
    const reply = post.body.get('courriel')!;
    expect(await readReplyAddress(addresses, reply)).toMatchObject({ purpose: 'form_test' });

    const rows = await testRows();
    expect(
      rows.map(({ domain, test }) => [
        domain,
        test.testStatus,
        (test.metadata.failure as { reason: string } | undefined)?.reason ?? null,
      ]),
    ).toEqual([
      ['clinique-robots.test', 'failed', 'robots_disallowed'],
      ['paysagiste-script.test', 'failed', 'javascript_only'],
      ['plomberie-ecrivez.test', 'pending', null],
      ['toiture-captcha.test', 'failed', 'captcha'],
    ]);
    const [batch] = await database.access.service((tx) =>
      tx.select().from(formTestBatches).where(eq(formTestBatches.id, batchId)),
    );
    expect(batch!.status).toBe('completed');
    // Run again (a redelivered message): nothing is sent twice.
    expect(await runBatch(deps(), batchId)).toBeNull();
    expect(posts).toHaveLength(1);
  });

  it('proposes no business tested in the last 90 days, nor one whose site asks not to be solicited', async () => {
    await database.access.service((tx) =>
      tx.insert(prospectCandidates).values({
        businessName: 'Clinique Pas de sollicitation',
        website: 'https://clinique-sollicitation.test',
        domain: 'clinique-sollicitation.test',
        formUrl: 'https://clinique-sollicitation.test/contact',
        automationNeedScore: 95,
        analysisStatus: 'analyzed',
        metadata: {
          evidence: {
            noSolicitation: { pageUrl: 'https://clinique-sollicitation.test/', excerpt: 'Aucune sollicitation' },
          },
        },
      }),
    );
    await expect(proposeBatch(database.access, { limit: 10, proposedBy: 'staff', limits })).rejects.toMatchObject({
      code: 'no_form_test_candidates',
    });
  });

  it('completes the test with the first real answer, and counts what comes after', async () => {
    const [pending] = (await testRows()).filter(({ test }) => test.testStatus === 'pending');
    const env = {} as Env;
    const submittedAt = pending!.test.testSubmittedAt;
    const away = await receiveAnswer(
      { env, db: database.access },
      pending!.test.id,
      answer('Je suis absent du bureau jusqu’au 8 décembre. Pour une urgence, appelez le 514 555-0142.', {
        auto: { submitted: true, reasons: ['auto-submitted: auto-replied'] },
      }),
      new Date(submittedAt.getTime() + 60_000),
    );
    expect(away).toMatchObject({ ignored: 'not_an_answer' });

    const first = await receiveAnswer(
      { env, db: database.access },
      pending!.test.id,
      answer(
        'Bonjour Marie,\n\nOui, nous remplaçons les chauffe-eau partout à Laval. Je peux passer jeudi pour voir le vôtre.\n\nLuc',
      ),
      new Date(submittedAt.getTime() + 134 * 60_000),
    );
    expect(first).toMatchObject({ completed: true, minutes: 134 });
    const later = await receiveAnswer(
      { env, db: database.access },
      pending!.test.id,
      answer('Avez-vous reçu mon message?'),
    );
    expect(later).toEqual({ later: true });

    const view = await listFormTests(database.access, { prospect: pending!.test.prospectId }, limits, true);
    const test = view.tests[0]!;
    expect(test.status).toBe('completed');
    expect(test.responseTimeMinutes).toBe(134);
    expect(test.autoresponder?.content).toContain('chauffe-eau');
    expect(test.laterMessages).toBe(1);
    expect(test.score).toBe(test.scoreLines.reduce((sum, line) => sum + line.points, 0));
    const [prospect] = await database.access.service((tx) =>
      tx.select().from(prospectCandidates).where(eq(prospectCandidates.id, pending!.test.prospectId)),
    );
    expect(prospect!.responseScore).toBe(test.score);
    expect(prospect!.lastTested).not.toBeNull();
  });

  it('makes silence a result: no answer after the timeout is a timeout scored 0', async () => {
    const [prospect] = await database.access.service((tx) =>
      tx.select().from(prospectCandidates).where(eq(prospectCandidates.domain, 'toiture-captcha.test')),
    );
    const [silent] = await database.access.service((tx) =>
      tx
        .insert(prospectFormTests)
        .values({
          prospectId: prospect!.id,
          testSubmittedAt: sql`now() - interval '73 hours'`,
          metadata: { submission: { httpStatus: 200 } },
        })
        .returning(),
    );
    // 73 hours of silence is not yet a timeout after 74, and is one after 72.
    expect(await markTimeouts(database.access, 74 * 60)).toMatchObject({ timedOut: 0 });
    expect(await markTimeouts(database.access, 72 * 60)).toMatchObject({ timedOut: 1 });
    const [after] = await database.access.service((tx) =>
      tx.select().from(prospectFormTests).where(eq(prospectFormTests.id, silent!.id)),
    );
    expect(after).toMatchObject({
      testStatus: 'timeout',
      score: 0,
      hasAutoresponder: false,
      autoresponderTone: 'none',
    });
    expect(await markTimeouts(database.access, 72 * 60)).toMatchObject({ timedOut: 0 });
  });

  it('keeps the wait a timed-out test was given, when a sweep was told a shorter one than the setting', async () => {
    const [prospect] = await database.access.service((tx) =>
      tx.select().from(prospectCandidates).where(eq(prospectCandidates.domain, 'toiture-captcha.test')),
    );
    const [silent] = await database.access.service((tx) =>
      tx
        .insert(prospectFormTests)
        .values({
          prospectId: prospect!.id,
          testSubmittedAt: sql`now() - interval '10 minutes'`,
          metadata: { submission: { httpStatus: 200 } },
        })
        .returning(),
    );
    expect(await markTimeouts(database.access, 5)).toMatchObject({ timedOut: 1 });
    const view = await listFormTests(database.access, { status: 'timeout' }, formTestLimits({}), true);
    const shown = view.tests.find((test) => test.id === silent!.id)!;
    expect(Date.parse(shown.timesOutAt) - Date.parse(shown.submittedAt)).toBe(5 * 60_000);
    expect(shown.scoreLines.map((line) => line.label.en)).toEqual(['no answer within 5 minutes']);
  });

  it('lists the newest 200 tests and says older ones were left out', async () => {
    const [prospect] = await database.access.service((tx) =>
      tx.select().from(prospectCandidates).where(eq(prospectCandidates.domain, 'toiture-captcha.test')),
    );
    const before = await listFormTests(database.access, {}, formTestLimits({}), true);
    expect(before.more).toBe(false);
    await database.access.service((tx) =>
      tx.execute(sql`insert into prospect_form_tests (prospect_id, test_status, test_submitted_at, metadata)
        select ${prospect!.id}, 'failed', now() - make_interval(days => 200 + n), '{}'::jsonb
        from generate_series(1, 201) as n`),
    );
    const after = await listFormTests(database.access, {}, formTestLimits({}), true);
    expect(after.tests).toHaveLength(200);
    expect(after.more).toBe(true);
    // The newest come first: the tests written before these old ones are all still listed.
    expect(after.tests.slice(0, before.tests.length).map((test) => test.id)).toEqual(
      before.tests.map((test) => test.id),
    );
  });
});
