import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { outreachEmails, prospectCandidates, prospectFormTests } from '../../schema';
import type { EmailEvidence, SiteEvidence } from '../../schema/prospects-api';
import { approveEmails, listEmails } from '../../worker/features/outreach/approval';
import { changeCampaignStatus, createCampaign } from '../../worker/features/outreach/campaigns';
import { enrolProspects } from '../../worker/features/outreach/enrolment';
import { recordTrackingEvent } from '../../worker/features/outreach/events';
import type { SenderIdentity } from '../../worker/features/outreach/identification';
import { recordSent } from '../../worker/features/outreach/lifecycle';
import { createTemplate } from '../../worker/features/outreach/template-store';
import type { DatabaseAccess } from '../../worker/platform/db';

/**
 * Outreach rows for e2e tests, made through the feature's own functions (as
 * tests/db/outreach/flow.test.ts does): a campaign with its own template and prospects
 * (an industry of its own, so no test enrols another's), enrolled and started when asked;
 * its first emails approved and recorded sent; opens by a person or by Apple's proxy.
 */

export type OutreachEmailRow = typeof outreachEmails.$inferSelect;

export interface SeededCampaign {
  id: string;
  name: string;
  /** The prospects' business names, in the order given. */
  companies: string[];
}

export interface SeededProspect {
  name: string;
  /** The address's local part (`info` → info@<its domain>), or null for none published. */
  address: string | null;
  /** Its contact form was answered in 26 hours (the email's personal line rests on it). */
  slow?: boolean;
}

export const newTag = () => randomUUID().replaceAll('-', '').slice(0, 6);

const HUMAN_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/**
 * A site read with the address published on its contact page by a mailto link (none when
 * `address` is null); `email` changes what was found of the address, `site` the rest.
 */
export const siteEvidence = (
  address: string | null,
  changes: { email?: Partial<EmailEvidence>; site?: Partial<SiteEvidence> } = {},
): SiteEvidence => ({
  pages: [],
  emails: address
    ? [
        {
          address,
          pageUrl: `https://${address.split('@')[1]}/contact`,
          foundAt: '2026-11-20T15:00:00.000Z',
          how: 'mailto',
          noSolicitationNotice: false,
          contactable: true,
          ...changes.email,
        },
      ]
    : [],
  phones: [],
  form: null,
  javascriptOnlyForm: false,
  chatWidgets: [],
  bookingTools: [],
  noSolicitation: null,
  copyrightYear: 2019,
  viewport: true,
  https: true,
  languages: ['fr'],
  ...changes.site,
});

export function outreachSeeder(
  db: DatabaseAccess,
  owner: { clientId: string; staffEmail: string; mailbox: string; identity: SenderIdentity },
) {
  /** The campaign's emails as stored, by business (first steps unless told). */
  async function emails(campaignId: string, step = 1): Promise<Map<string, OutreachEmailRow>> {
    const rows = await db.service((tx) =>
      tx
        .select()
        .from(outreachEmails)
        .where(and(eq(outreachEmails.campaignId, campaignId), eq(outreachEmails.followUpSequence, step))),
    );
    return new Map(rows.map((row) => [row.companyName!, row]));
  }

  /** An active first-contact template in `language`, named with `tag`. */
  function templateIn(language: 'en' | 'fr', tag = newTag()) {
    const [hello, looked, name] =
      language === 'fr'
        ? ['Bonjour', '{{form_test_summary | J’ai regardé votre site.}}', `Premier contact ${tag}`]
        : ['Hello', 'We looked at {{website}}.', `First contact ${tag}`];
    return createTemplate(db, {
      name,
      description: null,
      language,
      category: 'first_contact',
      subject: language === 'fr' ? 'Votre formulaire, {{company_name}}' : 'Your contact form, {{company_name}}',
      plainContent: `${hello},\n\n${looked}\n\n{{sender_name}}`,
      htmlContent: `<p>${hello},</p><p>${looked}</p><p>{{sender_name}}</p>`,
      isActive: true,
    });
  }

  return {
    emails,
    template: templateIn,

    /** An email's status as stored. */
    async status(id: string) {
      const [row] = await db.service((tx) => tx.select().from(outreachEmails).where(eq(outreachEmails.id, id)));
      return row!.status;
    },

    /** A campaign in French with its own prospects, enrolled; started when told. */
    async campaign(
      label: string,
      prospects: SeededProspect[],
      options: { followUps?: number[]; start?: boolean; identity?: Partial<SenderIdentity> } = {},
    ): Promise<SeededCampaign> {
      const tag = newTag();
      const industry = `e2e_${tag}`;
      const template = await templateIn('fr', tag);
      const companies: string[] = [];
      for (const [index, prospect] of prospects.entries()) {
        const domain = `${tag}-${index}.ca`;
        const address = prospect.address ? `${prospect.address}@${domain}` : null;
        companies.push(`${prospect.name} ${tag}`);
        const [row] = await db.service((tx) =>
          tx
            .insert(prospectCandidates)
            .values({
              businessName: `${prospect.name} ${tag}`,
              website: `https://${domain}`,
              domain,
              contactEmail: address,
              industry,
              region: 'QC',
              city: 'Laval',
              language: 'fr',
              analysisStatus: 'analyzed',
              automationNeedScore: 80 - index,
              metadata: { evidence: siteEvidence(address) },
            })
            .returning(),
        );
        if (prospect.slow) {
          await db.service((tx) =>
            tx.insert(prospectFormTests).values({
              prospectId: row!.id,
              testSubmittedAt: new Date('2026-11-24T14:00:00Z'),
              responseReceivedAt: new Date('2026-11-25T16:00:00Z'),
              responseTimeMinutes: 26 * 60,
              autoresponderTone: 'human',
              testStatus: 'completed',
            }),
          );
        }
      }
      const name = `${label} ${tag}`;
      const id = await createCampaign(db, {
        name,
        clientId: owner.clientId,
        targetCriteria: { industries: [industry] },
        templateIds: { en: null, fr: template.id },
        followUpSchedule: options.followUps ?? [],
        mailbox: owner.mailbox,
        dailyCap: 50,
        identity: { ...owner.identity, ...options.identity },
      });
      if (prospects.length > 0) await enrolProspects(db, id);
      if (options.start) await changeCampaignStatus(db, id, 'start');
      return { id, name, companies };
    },

    /** Approves every first email with an address and records each sent at `sentAt`, as the scheduler would. */
    async sendFirstEmails(campaignId: string, sentAt: Date): Promise<Map<string, OutreachEmailRow>> {
      const pending = await listEmails(db, { campaignId, status: 'pending' });
      const firsts = pending.filter((email) => email.step === 1).map((email) => email.id);
      await approveEmails(db, firsts, owner.staffEmail);
      for (const row of (await emails(campaignId)).values()) {
        if (row.status !== 'approved') continue;
        const messageId = `<outreach-${row.id}@avenir.test>`;
        const sent = { provider: 'outbox' as const, providerMessageId: randomUUID(), threadId: null, messageId };
        await db.service((tx) => recordSent(tx, row, sent, sentAt));
      }
      return emails(campaignId);
    },

    /** The tracking pixel fetched by a person's mail app, or by Apple Mail Privacy Protection's proxy. */
    open(emailId: string, at: Date, by: 'person' | 'apple_mpp') {
      return recordTrackingEvent(db, {
        type: 'outreach_event',
        eventId: randomUUID(),
        kind: 'open',
        emailId,
        url: null,
        at: at.toISOString(),
        method: 'GET',
        ...(by === 'person'
          ? { userAgent: HUMAN_UA, ip: '198.51.100.7', headers: { accept: 'image/*', 'accept-language': 'fr-CA' } }
          : { userAgent: 'Mozilla/5.0', ip: '17.58.10.2', headers: { accept: 'image/*' } }),
      });
    },
  };
}
