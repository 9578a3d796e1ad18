import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import * as v from 'valibot';
import { clients, outreachEmails } from '../../../schema';
import {
  CAMPAIGN_BOUNDS,
  type CampaignInput,
  type CampaignsResponse,
  type EmailsResponse,
  type IndustriesResponse,
  type SuppressionsResponse,
  type TemplatePreview,
  type TemplatesResponse,
} from '../../../schema/outreach-api';
import { LANGUAGES, OUTREACH_EMAIL_STATUSES, PROVINCES } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { type Bilingual, jsonBody, localized, query } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { replyAddressConfig } from '../../platform/mail/reply-address';
import { requireInternal } from '../accounts';
import { approveEmails, editEmail, listEmails, rejectEmails } from './approval';
import { changeCampaignStatus, createCampaign, listCampaigns, updateCampaign } from './campaigns';
import { composeEmail } from './compose';
import { defaultIdentity, mailboxesFromEnv } from './deps';
import { enrolProspects, MAX_ENROLMENT_LIMIT } from './enrolment';
import { recordConversion } from './lifecycle';
import { sendingLimits } from './limits';
import { queuePersonalisation } from './personalise-job';
import { loadProspectForEmail } from './prospect-facts';
import { liftSuppression, listSuppressions, suppress } from './suppression';
import { TEMPLATE_VARIABLES } from './template';
import { createTemplate, listTemplates, updateTemplate } from './template-store';
import { campaignDetail, listIndustries } from './views';

/**
 * Outreach for internal (Avenir staff) accounts, under /api/app/staff/outreach: templates,
 * campaigns and their enrolment, the approval queue, the suppression list, industry
 * performance. Nothing is sent from here: approval makes an email due, the scheduler sends.
 */
export const outreachRoutes = new Hono<AppEnv>();
outreachRoutes.use('/staff/outreach/*', requireInternal);

const text = (max: number, rule: Bilingual) =>
  v.pipe(
    v.string(localized(...rule)),
    v.trim(),
    v.minLength(1, localized(...rule)),
    v.maxLength(max, localized(...rule)),
  );
const optionalText = (max: number) => v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(max)));
const uuid = (rule: Bilingual) => v.pipe(v.string(localized(...rule)), v.uuid(localized(...rule)));
const ID_RULE: Bilingual = ['This is not an id.', 'Ce n’est pas un identifiant.'];
const score = v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))));

const templateBody = v.object({
  name: text(120, ['Name the template (120 characters at most).', 'Nommez le modèle (120 caractères au plus).']),
  description: v.optional(optionalText(500), null),
  language: v.picklist(LANGUAGES, localized('Choose English or French.', 'Choisissez l’anglais ou le français.')),
  category: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(60)), 'first_contact'),
  subject: v.pipe(
    v.string(),
    v.maxLength(200, localized('A subject has 200 characters at most.', 'Un objet a 200 caractères au plus.')),
  ),
  plainContent: v.pipe(v.string(), v.maxLength(20_000)),
  htmlContent: v.pipe(v.string(), v.maxLength(50_000)),
  isActive: v.optional(v.boolean(), true),
});

outreachRoutes.get('/staff/outreach/templates', async (c) => {
  const body: TemplatesResponse = {
    templates: await listTemplates(c.var.db),
    variables: Object.entries(TEMPLATE_VARIABLES).map(([name, description]) => ({ name, description })),
  };
  return c.json(body);
});

outreachRoutes.post('/staff/outreach/templates', jsonBody(templateBody), async (c) =>
  c.json(
    await createTemplate(c.var.db, { ...c.req.valid('json'), description: c.req.valid('json').description ?? null }),
    201,
  ),
);

const templateId = (value: string) => {
  if (!isUuid(value)) throw new AppError('template_not_found');
  return value;
};

outreachRoutes.put('/staff/outreach/templates/:id', jsonBody(templateBody), async (c) =>
  c.json(
    await updateTemplate(c.var.db, templateId(c.req.param('id')), {
      ...c.req.valid('json'),
      description: c.req.valid('json').description ?? null,
    }),
  ),
);

const previewBody = v.object({
  subject: v.pipe(v.string(), v.maxLength(200)),
  plainContent: v.pipe(v.string(), v.maxLength(20_000)),
  htmlContent: v.pipe(v.string(), v.maxLength(50_000)),
  prospectId: uuid(['Choose a prospect to preview with.', 'Choisissez un prospect pour l’aperçu.']),
});

outreachRoutes.post('/staff/outreach/templates/preview', jsonBody(previewBody), async (c) => {
  const input = c.req.valid('json');
  const prospect = await loadProspectForEmail(c.var.db, input.prospectId);
  const identity = defaultIdentity(c.env);
  const composed = composeEmail(
    { subject: input.subject, plain: input.plainContent, html: input.htmlContent },
    prospect,
    identity,
  );
  const body: TemplatePreview = composed.ok
    ? { ok: true, ...composed.email }
    : { ok: false, problems: composed.problems };
  return c.json(body);
});

const FOLLOW_UP_RULE: Bilingual = [
  `Follow-ups go 1 to ${CAMPAIGN_BOUNDS.followUpDays} days after the first email, in increasing order, ${CAMPAIGN_BOUNDS.followUps} at most.`,
  `Les relances partent de 1 à ${CAMPAIGN_BOUNDS.followUpDays} jours après le premier courriel, en ordre croissant, ${CAMPAIGN_BOUNDS.followUps} au plus.`,
];

const campaignBody = v.object({
  name: text(120, ['Name the campaign (120 characters at most).', 'Nommez la campagne (120 caractères au plus).']),
  clientId: uuid(['Choose the client it is for.', 'Choisissez le client pour qui elle est.']),
  targetCriteria: v.object({
    icpId: v.optional(v.nullable(v.pipe(v.string(), v.uuid()))),
    industries: v.optional(v.array(v.pipe(v.string(), v.trim(), v.maxLength(60))), []),
    regions: v.optional(v.array(v.picklist(PROVINCES, localized('Unknown province.', 'Province inconnue.'))), []),
    languages: v.optional(v.array(v.picklist(LANGUAGES)), []),
    minNeedScore: score,
    maxNeedScore: score,
    minFitScore: score,
    formTestSlowerThanHours: v.optional(
      v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CAMPAIGN_BOUNDS.slowerThanHours))),
    ),
    limit: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(
          MAX_ENROLMENT_LIMIT,
          localized(
            `At most ${MAX_ENROLMENT_LIMIT} prospects per enrolment.`,
            `Au plus ${MAX_ENROLMENT_LIMIT} prospects par inscription.`,
          ),
        ),
      ),
    ),
  }),
  templateIds: v.object({ en: v.nullable(v.pipe(v.string(), v.uuid())), fr: v.nullable(v.pipe(v.string(), v.uuid())) }),
  followUpSchedule: v.pipe(
    v.array(
      v.pipe(
        v.number(localized(...FOLLOW_UP_RULE)),
        v.integer(localized(...FOLLOW_UP_RULE)),
        v.minValue(1, localized(...FOLLOW_UP_RULE)),
        v.maxValue(CAMPAIGN_BOUNDS.followUpDays, localized(...FOLLOW_UP_RULE)),
      ),
    ),
    v.maxLength(CAMPAIGN_BOUNDS.followUps, localized(...FOLLOW_UP_RULE)),
    v.check((days) => days.every((day, index) => index === 0 || day > days[index - 1]!), localized(...FOLLOW_UP_RULE)),
  ),
  mailbox: v.pipe(
    v.string(),
    v.trim(),
    v.email(localized('Choose the mailbox it sends from.', 'Choisissez la boîte d’envoi.')),
  ),
  dailyCap: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1, localized('At least one email a day.', 'Au moins un courriel par jour.')),
    v.maxValue(
      CAMPAIGN_BOUNDS.dailyCap,
      localized(
        `At most ${CAMPAIGN_BOUNDS.dailyCap.toLocaleString('en-CA')} emails a day.`,
        `Au plus ${CAMPAIGN_BOUNDS.dailyCap.toLocaleString('fr-CA')} courriels par jour.`,
      ),
    ),
  ),
  identity: v.object({
    senderName: v.pipe(v.string(), v.trim(), v.maxLength(120)),
    businessName: v.pipe(v.string(), v.trim(), v.maxLength(200)),
    postalAddress: v.pipe(v.string(), v.trim(), v.maxLength(300)),
    contact: v.pipe(v.string(), v.trim(), v.maxLength(200)),
  }),
});

function checkedCampaign(input: v.InferOutput<typeof campaignBody>, mailboxes: string[]): CampaignInput {
  if (!mailboxes.includes(input.mailbox.toLowerCase())) {
    throw new AppError(
      'invalid_request',
      bilingual('This mailbox is not one Avenir can send from.', 'Avenir ne peut pas envoyer depuis cette boîte.'),
      { field: 'mailbox' },
    );
  }
  return input as CampaignInput;
}

outreachRoutes.get('/staff/outreach/campaigns', async (c) => {
  const limits = sendingLimits(c.env);
  const body: CampaignsResponse = {
    campaigns: await listCampaigns(c.var.db),
    clients: await c.var.db.service((tx) =>
      tx
        .select({ id: clients.id, name: clients.businessName, isInternal: clients.isInternal })
        .from(clients)
        .where(eq(clients.isTest, false))
        .orderBy(asc(clients.businessName))
        .limit(500),
    ),
    mailboxes: mailboxesFromEnv(c.env),
    templates: await listTemplates(c.var.db),
    defaultIdentity: defaultIdentity(c.env),
    limits: {
      mailboxDailyCap: limits.mailboxDailyCap,
      globalDailyCap: limits.globalDailyCap,
      windowStartHour: limits.windowStartHour,
      windowEndHour: limits.windowEndHour,
      weekends: limits.weekends,
    },
  };
  return c.json(body);
});

outreachRoutes.post('/staff/outreach/campaigns', jsonBody(campaignBody), async (c) => {
  const id = await createCampaign(c.var.db, checkedCampaign(c.req.valid('json'), mailboxesFromEnv(c.env)));
  return c.json({ id }, 201);
});

const campaignId = (value: string) => {
  if (!isUuid(value)) throw new AppError('campaign_not_found');
  return value;
};

outreachRoutes.get('/staff/outreach/campaigns/:id', async (c) =>
  c.json(await campaignDetail(c.var.db, campaignId(c.req.param('id')))),
);

outreachRoutes.put('/staff/outreach/campaigns/:id', jsonBody(campaignBody), async (c) => {
  await updateCampaign(
    c.var.db,
    campaignId(c.req.param('id')),
    checkedCampaign(c.req.valid('json'), mailboxesFromEnv(c.env)),
  );
  return c.json(await campaignDetail(c.var.db, campaignId(c.req.param('id'))));
});

outreachRoutes.post('/staff/outreach/campaigns/:id/enrol', async (c) => {
  const id = campaignId(c.req.param('id'));
  const result = await enrolProspects(c.var.db, id);
  // With OpenAI, the first emails' personal lines are rewritten in the background, checked against the facts.
  await queuePersonalisation(c.env, id, result.enrolled);
  return c.json(result);
});

const statusBody = v.object({
  action: v.picklist(
    ['start', 'pause', 'complete'],
    localized('Start, pause or complete.', 'Démarrer, mettre en pause ou terminer.'),
  ),
});

outreachRoutes.post('/staff/outreach/campaigns/:id/status', jsonBody(statusBody), async (c) => {
  const action = c.req.valid('json').action;
  if (action === 'start' && !replyAddressConfig(c.env)) throw new AppError('outreach_not_configured');
  return c.json({ status: await changeCampaignStatus(c.var.db, campaignId(c.req.param('id')), action) });
});

const emailsQuery = v.object({
  campaign: v.optional(uuid(ID_RULE)),
  status: v.optional(v.picklist(OUTREACH_EMAIL_STATUSES, localized('Unknown status.', 'État inconnu.'))),
});

outreachRoutes.get('/staff/outreach/emails', query(emailsQuery), async (c) => {
  const filter = c.req.valid('query');
  const body: EmailsResponse = {
    emails: await listEmails(c.var.db, {
      ...(filter.campaign ? { campaignId: filter.campaign } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      limit: 500,
    }),
  };
  return c.json(body);
});

const idsBody = v.object({
  ids: v.pipe(
    v.array(uuid(ID_RULE)),
    v.minLength(1, localized('Choose at least one email.', 'Choisissez au moins un courriel.')),
    v.maxLength(500, localized('At most 500 emails at once.', 'Au plus 500 courriels à la fois.')),
  ),
});

/** `versions`: each email's `version` as the reviewer read it; one whose words changed since stays pending. */
const approveBody = v.object({
  ...idsBody.entries,
  versions: v.optional(v.record(v.pipe(v.string(), v.uuid()), v.pipe(v.string(), v.maxLength(40)))),
});

outreachRoutes.post('/staff/outreach/emails/approve', jsonBody(approveBody), async (c) => {
  const { ids, versions } = c.req.valid('json');
  return c.json(await approveEmails(c.var.db, ids, c.var.session.accountEmail, versions));
});

outreachRoutes.post('/staff/outreach/emails/reject', jsonBody(idsBody), async (c) =>
  c.json(await rejectEmails(c.var.db, c.req.valid('json').ids, c.var.session.accountEmail)),
);

const editBody = v.object({
  subject: text(200, ['A subject of 1 to 200 characters.', 'Un objet de 1 à 200 caractères.']),
  content: text(20_000, [
    'Write the email (20,000 characters at most).',
    'Écrivez le courriel (20 000 caractères au plus).',
  ]),
});

outreachRoutes.put('/staff/outreach/emails/:id', jsonBody(editBody), async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) throw new AppError('outreach_email_not_found');
  return c.json(await editEmail(c.var.db, id, c.req.valid('json')));
});

const conversionBody = v.object({
  amountUsd: v.pipe(
    v.number(localized('Enter the revenue in US dollars.', 'Entrez le revenu en dollars américains.')),
    v.minValue(0, localized('Enter 0 or more.', 'Entrez 0 ou plus.')),
    v.maxValue(10_000_000, localized('At most US$10,000,000.', 'Au plus 10 000 000 $ US.')),
  ),
});

/** The prospect this sent email reached became a client: its revenue joins the campaign's (0 takes it back). */
outreachRoutes.put('/staff/outreach/emails/:id/conversion', jsonBody(conversionBody), async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) throw new AppError('outreach_email_not_found');
  const amountUsd = Math.round(c.req.valid('json').amountUsd * 100) / 100;
  await c.var.db.service(async (tx) => {
    // Locked: two staff entering it at once give one figure, not two.
    const [email] = await tx.select().from(outreachEmails).where(eq(outreachEmails.id, id)).for('update');
    if (!email) throw new AppError('outreach_email_not_found');
    if (!email.repliedAt) {
      throw new AppError(
        'outreach_email_conflict',
        bilingual(
          'A prospect becomes a client from a reply: this email has none.',
          'Un prospect devient client à partir d’une réponse : ce courriel n’en a pas.',
        ),
      );
    }
    await recordConversion(tx, email, { amountUsd, by: c.var.session.accountEmail });
  });
  return c.json({ emailId: id, amountUsd });
});

outreachRoutes.get('/staff/outreach/suppressions', async (c) => {
  const body: SuppressionsResponse = { suppressions: await listSuppressions(c.var.db) };
  return c.json(body);
});

const SUPPRESSION_RULE: Bilingual = [
  'Give an email address or a domain (example.ca).',
  'Indiquez une adresse courriel ou un domaine (exemple.ca).',
];

const suppressionBody = v.object({
  address: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email(localized(...SUPPRESSION_RULE)))),
  domain: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toLowerCase(),
      v.regex(/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/, localized(...SUPPRESSION_RULE)),
    ),
  ),
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300))),
});

outreachRoutes.post('/staff/outreach/suppressions', jsonBody(suppressionBody), async (c) => {
  const input = c.req.valid('json');
  if (!input.address === !input.domain) {
    throw new AppError('invalid_request', bilingual(...SUPPRESSION_RULE), { field: 'address' });
  }
  await c.var.db.service((tx) =>
    suppress(tx, {
      ...(input.address ? { address: input.address } : { domain: input.domain! }),
      reason: 'manual',
      note: input.note ?? null,
      createdBy: c.var.session.accountEmail,
    }),
  );
  return c.json({ suppressions: await listSuppressions(c.var.db) } satisfies SuppressionsResponse, 201);
});

outreachRoutes.delete('/staff/outreach/suppressions/:id', async (c) => {
  const id = c.req.param('id');
  const result = isUuid(id) ? await liftSuppression(c.var.db, id) : 'not_found';
  if (result === 'not_found') throw new AppError('not_found');
  if (result === 'kept') {
    throw new AppError(
      'campaign_conflict',
      bilingual(
        'Only an entry staff added can be lifted: an unsubscribe or a bounce stays.',
        'Seule une entrée ajoutée par le personnel peut être retirée : un désabonnement ou un retour reste.',
      ),
    );
  }
  return c.json({ suppressions: await listSuppressions(c.var.db) } satisfies SuppressionsResponse);
});

outreachRoutes.get('/staff/outreach/industries', async (c) => {
  const body: IndustriesResponse = { industries: await listIndustries(c.var.db) };
  return c.json(body);
});
