import type { EmailEvidence, SiteEvidence } from '../../../schema/prospects-api';
import type { Language } from '../../../schema/vocabulary';
import { type FormTestFacts, type ProspectFacts, writePersonalLines } from './first-line';
import type { SenderIdentity } from './identification';
import { renderTemplate, type TemplateProblem, type TemplateSource, type TemplateValues } from './template';

/**
 * One prospect's email from a template, before approval: the template's variables filled
 * from the prospect's stored fields and the personal lines written from its evidence. Pure.
 */

export interface ProspectForEmail {
  id: string;
  businessName: string;
  website: string;
  city: string | null;
  industry: string | null;
  /** The province: where its business hours are kept. */
  region: string | null;
  language: Language | null;
  contactEmail: string | null;
  evidence: SiteEvidence | null;
  formTest: FormTestFacts | null;
}

/** The language a prospect is written to in: its site's, French when unknown (Quebec first). */
export const prospectLanguage = (prospect: Pick<ProspectForEmail, 'language'>): Language => prospect.language ?? 'fr';

/** The published evidence that lets Avenir write to the address: CASL's conspicuous publication. */
export function consentEvidence(prospect: Pick<ProspectForEmail, 'contactEmail' | 'evidence'>): EmailEvidence | null {
  const address = prospect.contactEmail?.toLowerCase();
  if (!address) return null;
  return (
    prospect.evidence?.emails.find((email) => email.address.toLowerCase() === address && email.contactable) ?? null
  );
}

/** A trade's words in the email's language; an unknown key is written as words (snow_removal → snow removal). */
const INDUSTRY_WORDS: Record<string, { en: string; fr: string }> = {
  plumbing: { en: 'plumbing', fr: 'plomberie' },
  dental: { en: 'dental care', fr: 'soins dentaires' },
  law: { en: 'legal services', fr: 'services juridiques' },
  landscaping: { en: 'landscaping', fr: 'aménagement paysager' },
  renovation: { en: 'renovation', fr: 'rénovation' },
  accounting: { en: 'accounting', fr: 'comptabilité' },
  real_estate: { en: 'real estate', fr: 'immobilier' },
  restaurant: { en: 'restaurants', fr: 'restauration' },
  roofing: { en: 'roofing', fr: 'toiture' },
  electrical: { en: 'electrical work', fr: 'électricité' },
  physiotherapy: { en: 'physiotherapy', fr: 'physiothérapie' },
  auto_repair: { en: 'auto repair', fr: 'mécanique automobile' },
  hair_salon: { en: 'hair care', fr: 'coiffure' },
  veterinary: { en: 'veterinary care', fr: 'soins vétérinaires' },
  hvac: { en: 'heating and cooling', fr: 'chauffage et climatisation' },
  cabinetry: { en: 'cabinetry', fr: 'ébénisterie' },
  snow_removal: { en: 'snow removal', fr: 'déneigement' },
  catering: { en: 'catering', fr: 'traiteur' },
  massage_therapy: { en: 'massage therapy', fr: 'massothérapie' },
  moving: { en: 'moving', fr: 'déménagement' },
  cleaning: { en: 'cleaning', fr: 'entretien ménager' },
};

const industryIn = (industry: string | null, language: Language) =>
  industry ? (INDUSTRY_WORDS[industry]?.[language] ?? industry.replaceAll('_', ' ')) : null;

export interface ComposedEmail {
  subject: string;
  plain: string;
  html: string;
  /** The stored facts the personal lines rest on. */
  facts: string[];
}

export type ComposeResult = { ok: true; email: ComposedEmail } | { ok: false; problems: TemplateProblem[] };

/** The prospect's stored facts the personal lines are written from (first-line.ts). */
export function prospectFacts(prospect: ProspectForEmail): ProspectFacts {
  return {
    companyName: prospect.businessName,
    website: prospect.website,
    language: prospectLanguage(prospect),
    formTest: prospect.formTest,
    site: prospect.evidence
      ? {
          bookingTools: prospect.evidence.bookingTools,
          chatWidgets: prospect.evidence.chatWidgets,
          hasForm: prospect.evidence.form !== null,
        }
      : null,
  };
}

/**
 * The email for one prospect. `firstLine`, when given, is a line already checked against
 * the same facts (personalise.ts, the AI writer's) and takes the offline writer's place.
 */
export function composeEmail(
  template: TemplateSource,
  prospect: ProspectForEmail,
  identity: Pick<SenderIdentity, 'senderName' | 'businessName'>,
  firstLine?: string,
): ComposeResult {
  const language = prospectLanguage(prospect);
  const lines = writePersonalLines(prospectFacts(prospect));
  const values: TemplateValues = {
    // Businesses publish generic addresses (info@, contact@): no person's name is known.
    first_name: null,
    company_name: prospect.businessName,
    website: prospect.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    city: prospect.city,
    industry: industryIn(prospect.industry, language),
    form_test_summary: lines.formTestSummary,
    first_line: firstLine ?? lines.firstLine,
    sender_name: identity.senderName,
    sender_company: identity.businessName,
  };
  const rendered = renderTemplate(template, values);
  if (!rendered.ok) return rendered;
  return {
    ok: true,
    email: { subject: rendered.subject, plain: rendered.plain, html: rendered.html, facts: lines.facts },
  };
}
