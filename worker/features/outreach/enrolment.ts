import { and, eq, inArray, sql } from 'drizzle-orm';
import { emailTemplates, outreachCampaigns, outreachEmails } from '../../../schema';
import {
  CAMPAIGN_BOUNDS,
  type EnrolmentResult,
  type EnrolmentSkip,
  type TargetCriteria,
} from '../../../schema/outreach-api';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { type CampaignRecord, loadCampaign } from './campaigns';
import { composeEmail, consentEvidence, type ProspectForEmail, prospectLanguage } from './compose';
import { followUpSubject, followUpTemplate } from './follow-ups';
import { selectProspects } from './prospect-facts';
import { suppressionOf } from './suppression';
import { renderTemplate, type TemplateSource } from './template';

/**
 * Enrolment: the campaign's target criteria select prospects; each becomes one
 * `outreach_emails` row per step (the first email and each follow-up), written now from
 * the prospect's stored fields and evidence, waiting as `pending` for a person's approval.
 * A prospect without an address is enrolled with `missing_email` and never sent; those who
 * may not be written to are skipped, each reason counted.
 */

export const DEFAULT_ENROLMENT_LIMIT = 50;
export const MAX_ENROLMENT_LIMIT = CAMPAIGN_BOUNDS.enrolment;

/** The prospects the criteria select, neediest first, each with its latest finished form test. */
function candidates(tx: Transaction, criteria: TargetCriteria): Promise<ProspectForEmail[]> {
  const limit = Math.min(criteria.limit ?? DEFAULT_ENROLMENT_LIMIT, MAX_ENROLMENT_LIMIT);
  const conditions = [sql`p.analysis_status = 'analyzed'`];
  if (criteria.icpId) conditions.push(sql`p.metadata @> ${JSON.stringify({ icps: [criteria.icpId] })}::jsonb`);
  if (criteria.industries?.length) conditions.push(sql`p.industry in ${criteria.industries}`);
  if (criteria.regions?.length) conditions.push(sql`p.region in ${criteria.regions}`);
  if (criteria.languages?.length) conditions.push(sql`coalesce(p.language, 'fr') in ${criteria.languages}`);
  if (criteria.minNeedScore != null) conditions.push(sql`p.automation_need_score >= ${criteria.minNeedScore}`);
  if (criteria.maxNeedScore != null) conditions.push(sql`p.automation_need_score <= ${criteria.maxNeedScore}`);
  if (criteria.minFitScore != null) conditions.push(sql`p.fit_score >= ${criteria.minFitScore}`);
  if (criteria.formTestSlowerThanHours != null) {
    conditions.push(
      sql`(t.test_status = 'timeout' or (t.test_status = 'completed' and t.response_time_minutes >= ${criteria.formTestSlowerThanHours * 60}))`,
    );
  }
  return selectProspects(tx, conditions, limit);
}

/** Prospects with an email not cancelled or rejected in another campaign that is not over. */
async function inOtherCampaigns(tx: Transaction, campaignId: string, prospectIds: string[]): Promise<Set<string>> {
  if (prospectIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ prospectId: outreachEmails.prospectId })
    .from(outreachEmails)
    .innerJoin(outreachCampaigns, eq(outreachCampaigns.id, outreachEmails.campaignId))
    .where(
      and(
        inArray(outreachEmails.prospectId, prospectIds),
        sql`${outreachEmails.campaignId} <> ${campaignId}`,
        sql`${outreachCampaigns.status} in ('draft', 'active', 'paused')`,
        sql`${outreachEmails.status} not in ('cancelled', 'rejected')`,
      ),
    );
  return new Set(rows.map((row) => row.prospectId!));
}

async function enrolledAlready(tx: Transaction, campaignId: string): Promise<Set<string>> {
  const rows = await tx
    .selectDistinct({ prospectId: outreachEmails.prospectId })
    .from(outreachEmails)
    .where(eq(outreachEmails.campaignId, campaignId));
  return new Set(rows.map((row) => row.prospectId!));
}

async function templatesOf(tx: Transaction, campaign: CampaignRecord) {
  const ids = [campaign.settings.templateIds.en, campaign.settings.templateIds.fr].filter(
    (id): id is string => id !== null,
  );
  const rows = ids.length ? await tx.select().from(emailTemplates).where(inArray(emailTemplates.id, ids)) : [];
  const byLanguage = new Map<Language, { id: string; source: TemplateSource }>();
  for (const row of rows) {
    if (!row.isActive) continue;
    const wanted = campaign.settings.templateIds[row.language];
    if (wanted === row.id) {
      byLanguage.set(row.language, {
        id: row.id,
        source: { subject: row.subject, plain: row.plainContent, html: row.htmlContent },
      });
    }
  }
  return byLanguage;
}

export async function enrolProspects(db: DatabaseAccess, campaignId: string): Promise<EnrolmentResult> {
  return db.service(async (tx) => {
    const campaign = await loadCampaign(tx, campaignId);
    if (campaign.status === 'completed') throw new AppError('campaign_conflict');
    // One enrolment at a time per campaign: two clicks must not enrol a prospect twice.
    await tx.execute(sql`select 1 from outreach_campaigns where id = ${campaignId} for update`);
    const templates = await templatesOf(tx, campaign);
    const found = await candidates(tx, campaign.targetCriteria as TargetCriteria);
    const ids = found.map((prospect) => prospect.id);
    const busy = await inOtherCampaigns(tx, campaignId, ids);
    const mine = await enrolledAlready(tx, campaignId);
    const result: EnrolmentResult = { enrolled: 0, missingEmail: 0, skipped: {} };
    const skip = (reason: EnrolmentSkip) => {
      result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
    };
    const steps = 1 + campaign.followUpSchedule.length;

    for (const prospect of found) {
      if (mine.has(prospect.id)) {
        skip('already_enrolled');
        continue;
      }
      if (busy.has(prospect.id)) {
        skip('in_another_campaign');
        continue;
      }
      const language = prospectLanguage(prospect);
      const template = templates.get(language);
      if (!template) {
        skip('no_template_in_language');
        continue;
      }
      const address = prospect.contactEmail?.toLowerCase() ?? null;
      const consent = consentEvidence(prospect);
      if (address) {
        if (!consent) {
          skip('not_contactable');
          continue;
        }
        const suppressed = await suppressionOf(tx, address);
        if (suppressed) {
          skip(suppressed);
          continue;
        }
      }
      const composed = composeEmail(template.source, prospect, campaign.settings.identity);
      if (!composed.ok) {
        skip('template_value_missing');
        continue;
      }
      const rows = [];
      for (let step = 1; step <= steps; step++) {
        const email =
          step === 1
            ? composed.email
            : (() => {
                const rendered = renderTemplate(followUpTemplate(language, step, steps), {
                  company_name: prospect.businessName,
                  sender_name: campaign.settings.identity.senderName,
                  sender_company: campaign.settings.identity.businessName,
                });
                if (!rendered.ok) throw new Error('a built-in follow-up failed to render');
                return { ...rendered, subject: followUpSubject(composed.email.subject), facts: [] };
              })();
        rows.push({
          campaignId,
          clientId: campaign.clientId,
          prospectId: prospect.id,
          prospectEmail: address,
          prospectName: null,
          companyName: prospect.businessName,
          website: prospect.website,
          templateId: step === 1 ? template.id : null,
          subject: email.subject,
          content: email.plain,
          followUpSequence: step,
          senderEmail: campaign.settings.mailbox,
          missingEmail: address === null,
          metadata: {
            language,
            region: prospect.region,
            html: email.html,
            facts: email.facts,
            // Who wrote its personal lines: the offline writer; personalise.ts may give it the AI's.
            ...(step === 1 ? { writer: 'offline' } : {}),
            consent: consent ? { pageUrl: consent.pageUrl, foundAt: consent.foundAt, how: consent.how } : null,
            ...(step > 1 ? { afterDays: campaign.followUpSchedule[step - 2] } : {}),
          },
        });
      }
      await tx.insert(outreachEmails).values(rows);
      result.enrolled++;
      if (address === null) result.missingEmail++;
    }

    await tx
      .update(outreachCampaigns)
      .set({
        metadata: sql`${outreachCampaigns.metadata} || ${JSON.stringify({ enrolment: result })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(eq(outreachCampaigns.id, campaignId));
    return result;
  });
}
