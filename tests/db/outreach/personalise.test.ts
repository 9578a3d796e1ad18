import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emailTemplates,
  outreachEmails,
  performanceMetrics,
  prospectCandidates,
  prospectFormTests,
} from '../../../schema';
import { approveEmails, editEmail } from '../../../worker/features/outreach/approval';
import { createCampaign } from '../../../worker/features/outreach/campaigns';
import { enrolProspects } from '../../../worker/features/outreach/enrolment';
import { personaliseCampaign } from '../../../worker/features/outreach/personalise';
import { outreachPersonaliseJob } from '../../../worker/features/outreach/personalise-job';
import { createTemplate } from '../../../worker/features/outreach/template-store';
import type { OutreachLineBrief } from '../../../worker/platform/ai/outreach-line';
import { type AiEngine, AiError } from '../../../worker/platform/ai/port';
import type { Env } from '../../../worker/platform/env';
import { UsageError } from '../../../worker/platform/jobs/registry';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';
import { siteEvidence } from '../../support/outreach-seed';

/**
 * The AI first line of a campaign's pending first emails: kept when every fact in it is the
 * prospect's, refused (the offline line stays, with the reasons) when one is invented, never
 * written over an email a person approved or edited, and asked once per email.
 */

let database: TestDatabase;
let clientId: string;
let campaignId: string;
const identity = {
  senderName: 'Marie Tremblay',
  businessName: 'Avenir',
  postalAddress: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
  contact: 'bonjour@avenir.test',
};

/** A prospect of the campaign; with `slowTest`, its form was answered 26 hours after the November 24 inquiry. */
async function prospect(
  name: string,
  domain: string,
  options: { language?: 'en' | 'fr'; slowTest?: boolean; industry?: string },
) {
  const address = `info@${domain}`;
  const [row] = await database.access.service((tx) =>
    tx
      .insert(prospectCandidates)
      .values({
        businessName: name,
        website: `https://${domain}`,
        domain,
        contactEmail: address,
        industry: options.industry ?? 'plumbing',
        region: 'QC',
        city: 'Laval',
        language: options.language ?? 'fr',
        analysisStatus: 'analyzed',
        automationNeedScore: 80,
        metadata: {
          // A site with a contact form and no booking tool: the offline writer's opening fact.
          evidence: siteEvidence(address, {
            site: {
              form: {
                pageUrl: `https://${domain}/contact`,
                action: '/contact',
                method: 'post',
                enctype: 'application/x-www-form-urlencoded',
                fields: [],
                captcha: null,
              },
            },
          }),
        },
      })
      .returning(),
  );
  if (options.slowTest !== false) {
    await database.access.service((tx) =>
      tx.insert(prospectFormTests).values({
        prospectId: row!.id,
        testSubmittedAt: new Date('2026-11-24T15:00:00Z'),
        responseReceivedAt: new Date('2026-11-25T17:00:00Z'),
        responseTimeMinutes: 26 * 60,
        autoresponderTone: 'human',
        testStatus: 'completed',
      }),
    );
  }
  return row!;
}

/** OpenAI as far as this use case sees it: a scripted first line per business, every brief kept. */
function fakeOpenAi(answer: (brief: OutreachLineBrief) => string | AiError | Promise<string>) {
  const briefs: OutreachLineBrief[] = [];
  const engine: AiEngine = {
    name: 'openai',
    triage: () => Promise.reject(new Error('not used')),
    writeReply: () => Promise.reject(new Error('not used')),
    translate: () => Promise.reject(new Error('not used')),
    async outreachFirstLine(brief) {
      briefs.push(brief);
      const line = await answer(brief);
      if (line instanceof AiError) throw line;
      return {
        value: { firstLine: line },
        engine: 'openai',
        usage: { model: 'gpt-4o-mini-2024-07-18', promptTokens: 412, completionTokens: 38, costUsd: 0.0000846 },
        latencyMs: 850,
      };
    },
  };
  return { engine, briefs };
}

const GOOD_LINE =
  'Le 24 novembre, j’ai écrit à Plomberie Gagnon par le formulaire de votre site, comme le ferait un client pressé d’avoir une soumission.';
const INVENTED_DELAY =
  'Le 24 novembre, j’ai écrit à Toitures Côté par votre formulaire et j’ai attendu 3 jours avant d’avoir une réponse.';
const INVENTED_TOOL =
  'J’ai vu que votre site utilise Calendly, mais vos clients doivent quand même vous écrire pour avoir un rendez-vous.';

const LINES: Record<string, string> = {
  'Plomberie Gagnon': GOOD_LINE,
  'Toitures Côté': INVENTED_DELAY,
  'Déneigement Roy': INVENTED_TOOL,
  'Gagnon Plumbing': 'On November 24, I wrote to Gagnon Plumbing through your contact form, as a new customer would.',
  'Rénovations Roy': 'Le 24 novembre, j’ai écrit à Rénovations Roy par le formulaire de votre site.',
  'Chauffage Lavoie': 'Le 24 novembre, j’ai écrit à Chauffage Lavoie par le formulaire de votre site.',
};

const firstEmailOf = async (companyName: string) => {
  const [row] = await database.access.service((tx) =>
    tx
      .select()
      .from(outreachEmails)
      .where(and(eq(outreachEmails.companyName, companyName), eq(outreachEmails.followUpSequence, 1))),
  );
  return row!;
};
const emailsOf = (id: string) =>
  database.access.service((tx) =>
    tx
      .select()
      .from(outreachEmails)
      .where(eq(outreachEmails.campaignId, id))
      .orderBy(asc(outreachEmails.companyName), asc(outreachEmails.followUpSequence)),
  );
const metadataOf = (row: { metadata: Record<string, unknown> }) =>
  row.metadata as {
    writer?: string;
    facts?: string[];
    html?: string;
    edited?: boolean;
    firstLine?: {
      outcome: string;
      line?: string;
      reasons?: string[];
      problems?: { en: string; fr: string }[];
      why?: string;
      model?: string;
    };
  };

async function template(language: 'en' | 'fr') {
  return createTemplate(database.access, {
    name: `Premier contact ${language}`,
    description: null,
    language,
    category: 'first_contact',
    subject: language === 'fr' ? 'Votre formulaire, {{company_name}}' : 'Your form, {{company_name}}',
    plainContent: `Bonjour,\n\n{{first_line}}\n\n{{form_test_summary | J’ai regardé votre site.}}\n\n{{sender_name}}`,
    htmlContent:
      '<p>Bonjour,</p><p>{{first_line}}</p><p>{{form_test_summary | J’ai regardé votre site.}}</p><p>{{sender_name}}</p>',
    isActive: true,
  });
}

let before: Awaited<ReturnType<typeof emailsOf>>;
const openAi = fakeOpenAi((brief) => LINES[brief.company.name] ?? 'Le 24 novembre, j’ai écrit par votre formulaire.');
let firstRun: Awaited<ReturnType<typeof personaliseCampaign>>;

beforeAll(async () => {
  database = await startTestDatabase();
  clientId = (await insertClient(database.access, { isInternal: true })).id;
  const [fr, en] = [await template('fr'), await template('en')];
  await prospect('Plomberie Gagnon', 'plomberie-gagnon.ca', {});
  await prospect('Toitures Côté', 'toitures-cote.ca', {});
  await prospect('Déneigement Roy', 'deneigement-roy.ca', { slowTest: false });
  await prospect('Gagnon Plumbing', 'gagnonplumbing.ca', { language: 'en' });
  await prospect('Rénovations Roy', 'renovations-roy.ca', {});
  await prospect('Chauffage Lavoie', 'chauffage-lavoie.ca', {});
  campaignId = await createCampaign(database.access, {
    name: 'Plombiers lents',
    clientId,
    targetCriteria: { industries: ['plumbing'] },
    templateIds: { en: en.id, fr: fr.id },
    followUpSchedule: [3],
    mailbox: 'marie@avenir.test',
    dailyCap: 50,
    identity,
  });
  expect((await enrolProspects(database.access, campaignId)).enrolled).toBe(6);
  // A person got to two of them first: one approved as written, one edited.
  await approveEmails(database.access, [(await firstEmailOf('Gagnon Plumbing')).id], 'marie@avenir.test');
  const edited = await firstEmailOf('Rénovations Roy');
  await editEmail(database.access, edited.id, { subject: edited.subject, content: `${edited.content}\n\nP.-S. Marie` });
  before = await emailsOf(campaignId);

  // While OpenAI writes Chauffage Lavoie's line, a person edits that email: theirs must win.
  const lavoie = await firstEmailOf('Chauffage Lavoie');
  const answer = openAi.engine.outreachFirstLine!.bind(openAi.engine);
  openAi.engine.outreachFirstLine = async (brief) => {
    if (brief.company.name === 'Chauffage Lavoie') {
      await editEmail(database.access, lavoie.id, {
        subject: lavoie.subject,
        content: 'Bonjour, un mot écrit à la main.',
      });
    }
    return answer(brief);
  };
  firstRun = await personaliseCampaign({ db: database.access, ai: openAi.engine }, campaignId);
});

afterAll(async () => {
  await database?.close();
});

describe('the AI first line of pending first emails', () => {
  it('asks once per pending, unapproved, unedited first email, from its stored facts and offline draft', () => {
    expect(firstRun).toEqual({
      campaignId,
      personalised: 1,
      refused: 2,
      skipped: 0,
      more: false,
      stopped: null,
    });
    expect(openAi.briefs.map((brief) => brief.company.name).sort()).toEqual([
      'Chauffage Lavoie',
      'Déneigement Roy',
      'Plomberie Gagnon',
      'Toitures Côté',
    ]);
    const gagnon = openAi.briefs.find((brief) => brief.company.name === 'Plomberie Gagnon')!;
    expect(gagnon).toMatchObject({
      language: 'fr',
      company: { website: 'plomberie-gagnon.ca' },
      formTest: { outcome: 'answered', submittedOn: '24 novembre', answeredAfter: '26 heures', unansweredFor: null },
      site: { bookingTools: [], chatWidgets: [], hasContactForm: true },
    });
    expect(gagnon.draft).toBe(
      'Sur plomberie-gagnon.ca, un client peut vous écrire, mais pas réserver : il doit attendre votre réponse pour avoir un rendez-vous.',
    );
    expect(gagnon.summary).toContain('Votre équipe a répondu en 26 heures');
  });

  it('puts an accepted line in the pending email, rendered again from its template, with its writer and facts', async () => {
    const email = await firstEmailOf('Plomberie Gagnon');
    const old = before.find((row) => row.id === email.id)!;
    expect(email.status).toBe('pending');
    expect(email.content).toBe(
      `Bonjour,\n\n${GOOD_LINE}\n\nVotre équipe a répondu en 26 heures à la demande que j’ai envoyée par le formulaire de contact de votre site le 24 novembre.\n\nMarie Tremblay`,
    );
    expect(email.subject).toBe(old.subject);
    const metadata = metadataOf(email);
    expect(metadata.html).toContain(`<p>${GOOD_LINE}</p>`);
    expect(metadata.writer).toBe('openai');
    expect(metadata.facts).toEqual(
      expect.arrayContaining(['form_test.submitted_at', 'form_test.response_minutes', 'form_test.status']),
    );
    expect(metadata.firstLine).toMatchObject({ outcome: 'accepted', line: GOOD_LINE, model: 'gpt-4o-mini-2024-07-18' });
    // What the law and the scheduler rely on is kept as enrolment wrote it.
    expect(email.metadata).toMatchObject({ language: 'fr', consent: (old.metadata as { consent: unknown }).consent });
    // The follow-up is the offline writer's as ever.
    const followUp = (await emailsOf(campaignId)).find(
      (row) => row.companyName === 'Plomberie Gagnon' && row.followUpSequence === 2,
    );
    expect(followUp).toEqual(before.find((row) => row.id === followUp!.id));
  });

  it('refuses an invented delay and an invented tool, keeping the offline line and the checker’s reasons', async () => {
    for (const [company, reason] of [
      ['Toitures Côté', '“3 jours” is not a duration the facts hold (26 heures)'],
      ['Déneigement Roy', 'it names Calendly, which the site analysis did not find on deneigement-roy.ca'],
    ] as const) {
      const email = await firstEmailOf(company);
      const old = before.find((row) => row.id === email.id)!;
      expect(email.content).toBe(old.content);
      expect(email.subject).toBe(old.subject);
      const metadata = metadataOf(email);
      expect(metadata.html).toBe(metadataOf(old).html);
      expect(metadata.writer).toBe('offline');
      expect(metadata.facts).toEqual(metadataOf(old).facts);
      expect(metadata.firstLine).toMatchObject({ outcome: 'refused', line: LINES[company] });
      expect(metadata.firstLine?.reasons).toContain(reason);
      // The reviewer reads why in their own language.
      expect(metadata.firstLine?.problems).toContainEqual(
        expect.objectContaining({ en: reason, fr: expect.any(String) }),
      );
      expect(metadata.firstLine?.problems?.every((problem) => problem.fr !== problem.en)).toBe(true);
    }
  });

  it('leaves an approved email and an edited one as the person left them, even when the edit came during the call', async () => {
    for (const company of ['Gagnon Plumbing', 'Rénovations Roy']) {
      const email = await firstEmailOf(company);
      expect(email).toEqual(before.find((row) => row.id === email.id));
    }
    const lavoie = await firstEmailOf('Chauffage Lavoie');
    expect(lavoie.content).toBe('Bonjour, un mot écrit à la main.');
    expect(metadataOf(lavoie)).toMatchObject({ writer: 'offline', edited: true });
    expect(metadataOf(lavoie).firstLine).toBeUndefined();
  });

  it('records each call’s time and cost in the learning log', async () => {
    const rows = await database.access.service((tx) =>
      tx.select().from(performanceMetrics).where(sql`${performanceMetrics.metadata}->>'task' = 'outreach_first_line'`),
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.clientId === clientId && row.metricName === 'response_time')).toBe(true);
    expect(rows.map((row) => row.metadata)).toContainEqual(
      expect.objectContaining({
        engine: 'openai',
        accepted: true,
        variantId: 'outreach_first_line.v2',
        usage: expect.objectContaining({ promptTokens: 412, costUsd: 0.0000846 }),
      }),
    );
  });

  it('changes nothing more when run again', async () => {
    const after = await emailsOf(campaignId);
    const asked = openAi.briefs.length;
    const again = await personaliseCampaign({ db: database.access, ai: openAi.engine }, campaignId);
    expect(again).toMatchObject({ personalised: 0, refused: 0, skipped: 0, more: false, stopped: null });
    expect(openAi.briefs).toHaveLength(asked);
    expect(await emailsOf(campaignId)).toEqual(after);
  });
});

describe('without OpenAI, or when it fails', () => {
  it('skips without OpenAI, in the use case and in the job', async () => {
    expect(await personaliseCampaign({ db: database.access, ai: null }, campaignId)).toEqual({
      campaignId,
      skipped: 'no_openai',
    });
    const outcome = await outreachPersonaliseJob.run(
      { type: 'outreach_personalise', campaignId, runKey: 'test' },
      {} as Env,
    );
    expect(outcome).toEqual({ done: true, result: { skipped: 'no_openai' } });
  });

  it('runs from the command line with --campaign, and reports each first email’s writer', async () => {
    const commandLine = outreachPersonaliseJob.commandLine!;
    await expect(commandLine.message({}, database.access, {} as Env)).rejects.toThrow(UsageError);
    await expect(commandLine.message({ campaign: crypto.randomUUID() }, database.access, {} as Env)).rejects.toThrow(
      /No campaign/,
    );
    const message = await commandLine.message({ campaign: campaignId }, database.access, {} as Env);
    expect(message).toMatchObject({ type: 'outreach_personalise', campaignId });
    const report = (await commandLine.report!(message, database.access, {} as Env)) as {
      firstEmails: { company: string; writer: string; firstLine: { outcome: string } | null }[];
    };
    expect(report.firstEmails.find((row) => row.company === 'Plomberie Gagnon')).toMatchObject({
      writer: 'openai',
      firstLine: { outcome: 'accepted' },
    });
    expect(report.firstEmails.find((row) => row.company === 'Gagnon Plumbing')).toMatchObject({
      writer: 'offline',
      firstLine: null,
    });
  });

  it('stops at a failure worth retrying, touching nothing, and the retry writes the lines', async () => {
    await prospect('Climatisation Boucher', 'climatisation-boucher.ca', { industry: 'hvac' });
    await prospect('Thermopompes Caron', 'thermopompes-caron.ca', { industry: 'hvac' });
    const hvac = await createCampaign(database.access, {
      name: 'Chauffage',
      clientId,
      targetCriteria: { industries: ['hvac'] },
      templateIds: { en: null, fr: before[0]!.templateId },
      followUpSchedule: [],
      mailbox: 'marie@avenir.test',
      dailyCap: 50,
      identity,
    });
    await enrolProspects(database.access, hvac);
    const enrolled = await emailsOf(hvac);
    const down = fakeOpenAi(() => new AiError('OpenAI did not answer in time', 'timeout', true));
    const failed = await personaliseCampaign({ db: database.access, ai: down.engine }, hvac);
    expect(failed).toMatchObject({
      personalised: 0,
      refused: 0,
      more: true,
      stopped: { kind: 'timeout', retryable: true },
    });
    expect(down.briefs).toHaveLength(1);
    expect(await emailsOf(hvac)).toEqual(enrolled);

    const back = fakeOpenAi(
      (brief) => `Le 24 novembre, j’ai écrit à ${brief.company.name} par le formulaire de votre site.`,
    );
    expect(await personaliseCampaign({ db: database.access, ai: back.engine }, hvac)).toMatchObject({
      personalised: 2,
      stopped: null,
    });
    expect((await emailsOf(hvac)).map((row) => metadataOf(row).writer)).toEqual(['openai', 'openai']);
  });

  it('leaves an email whose template changed since enrolment for a person, asking nothing', async () => {
    await prospect('Électricité Bélanger', 'electricite-belanger.ca', { industry: 'electrical' });
    const templateId = before[0]!.templateId!;
    const electrical = await createCampaign(database.access, {
      name: 'Électriciens',
      clientId,
      targetCriteria: { industries: ['electrical'] },
      templateIds: { en: null, fr: templateId },
      followUpSchedule: [],
      mailbox: 'marie@avenir.test',
      dailyCap: 50,
      identity,
    });
    await enrolProspects(database.access, electrical);
    const [enrolled] = await emailsOf(electrical);
    await database.access.service((tx) =>
      tx
        .update(emailTemplates)
        .set({ plainContent: sql`${emailTemplates.plainContent} || ${'\n\nÀ bientôt'}` })
        .where(eq(emailTemplates.id, templateId)),
    );
    const asked = fakeOpenAi(() => 'Le 24 novembre, j’ai écrit par le formulaire de votre site.');
    expect(await personaliseCampaign({ db: database.access, ai: asked.engine }, electrical)).toMatchObject({
      personalised: 0,
      skipped: 1,
    });
    expect(asked.briefs).toHaveLength(0);
    const [email] = await emailsOf(electrical);
    expect(email!.content).toBe(enrolled!.content);
    expect(metadataOf(email!)).toMatchObject({ writer: 'offline', firstLine: { outcome: 'skipped', why: 'stale' } });
  });
});
