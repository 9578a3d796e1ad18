import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { emailTemplates, outreachEmails } from '../../../schema';
import { OUTREACH_LINE_PROMPT } from '../../platform/ai/outreach-line';
import { type AiEngine, AiError } from '../../platform/ai/port';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { aiMetrics, type MetricRow, recordMetrics } from '../learning';
import { loadCampaign } from './campaigns';
import { composeEmail, type ProspectForEmail, prospectFacts } from './compose';
import { type ProspectFacts, writePersonalLines } from './first-line';
import { checkFirstLine, lineBrief } from './first-line-check';
import { explainLineProblem, type LineProblem, type LineProblemMessage } from './first-line-reasons';
import type { SenderIdentity } from './identification';
import { selectProspects } from './prospect-facts';
import { checkTemplate, type TemplateSource } from './template';

/**
 * The AI writer of a campaign's first emails: each pending first email the offline writer
 * wrote gets a first line from OpenAI, checked fact by fact (first-line-check.ts) against
 * the prospect's stored evidence. An accepted line replaces the offline one and the email is
 * rendered again from its template; a refused one leaves the email as it was, with the
 * reasons in its metadata. Each email is tried once: one already tried, edited by a person,
 * or approved is never touched, and a person's edit or approval during the call wins.
 */

/** Emails asked about per run: a run stays well inside a job's lease, and the job queues the next. */
export const PERSONALISE_BATCH = 40;

/** What `metadata.firstLine` keeps of the attempt, beside `writer` and `facts`. */
export interface FirstLineAttempt {
  outcome: 'accepted' | 'refused' | 'skipped';
  at: string;
  /** For a skip: why no engine was asked. */
  why?: 'stale' | 'no_offline_line' | 'no_first_line_in_template' | 'prospect_or_template_gone';
  /** The engine's line, kept or not. */
  line?: string;
  /** Why the line was refused: the checker's reasons, or the engine's failure (English, kept for older rows). */
  reasons?: string[];
  /** The same, in both languages, for the reviewer's screen. */
  problems?: LineProblemMessage[];
  variantId?: string;
  model?: string | null;
}

export type PersonaliseResult =
  | { campaignId: string; skipped: 'no_openai' }
  | {
      campaignId: string;
      personalised: number;
      refused: number;
      skipped: number;
      /** More emails wait: the batch was full. */
      more: boolean;
      /** The failure that stopped the run, leaving the rest for a retry. */
      stopped: { kind: AiError['kind']; retryable: boolean; message: string } | null;
    };

interface Candidate {
  id: string;
  prospectId: string | null;
  templateId: string | null;
  subject: string;
  content: string;
  html: unknown;
}

/** Still the offline writer's pending, unapproved, unedited, untried first email. */
const untouched = (): SQL[] => [
  eq(outreachEmails.followUpSequence, 1),
  eq(outreachEmails.status, 'pending'),
  isNull(outreachEmails.approvedAt),
  sql`${outreachEmails.metadata}->>'edited' is distinct from 'true'`,
  sql`coalesce(${outreachEmails.metadata}->>'writer', 'offline') = 'offline'`,
  sql`${outreachEmails.metadata}->'firstLine' is null`,
];

async function record(
  tx: Transaction,
  email: Candidate,
  change: { subject?: string; content?: string; metadata: Record<string, unknown> },
  metrics: MetricRow[],
): Promise<boolean> {
  const updated = await tx
    .update(outreachEmails)
    .set({
      ...(change.subject === undefined ? {} : { subject: change.subject }),
      ...(change.content === undefined ? {} : { content: change.content }),
      metadata: sql`${outreachEmails.metadata} || ${JSON.stringify(change.metadata)}::jsonb`,
      updatedAt: new Date(),
    })
    // The words the engine was asked about, still untouched: an edit or approval meanwhile wins.
    .where(and(eq(outreachEmails.id, email.id), eq(outreachEmails.content, email.content), ...untouched()))
    .returning({ id: outreachEmails.id });
  await recordMetrics(tx, metrics);
  return updated.length > 0;
}

/**
 * What an email is asked about, or why it is not: its prospect and template gone, its words
 * no longer what its template renders (the template, identity or facts changed since
 * enrolment, and a new render would change more than one line), no `{{first_line}}` to
 * fill, or no offline line to start from (the facts then hold too little to write one).
 */
function readyToAsk(
  email: Candidate,
  prospects: ReadonlyMap<string, ProspectForEmail>,
  templates: ReadonlyMap<string, TemplateSource>,
  identity: SenderIdentity,
):
  | { why: NonNullable<FirstLineAttempt['why']> }
  | {
      prospect: ProspectForEmail;
      template: TemplateSource;
      facts: ProspectFacts;
      lines: { draft: string; summary: string | null };
    } {
  const prospect = email.prospectId ? prospects.get(email.prospectId) : undefined;
  const template = email.templateId ? templates.get(email.templateId) : undefined;
  if (!prospect || !template) return { why: 'prospect_or_template_gone' };
  const offline = composeEmail(template, prospect, identity);
  if (
    !offline.ok ||
    offline.email.subject !== email.subject ||
    offline.email.plain !== email.content ||
    offline.email.html !== email.html
  ) {
    return { why: 'stale' };
  }
  if (!checkTemplate(template).variables.includes('first_line')) return { why: 'no_first_line_in_template' };
  const facts = prospectFacts(prospect);
  const lines = writePersonalLines(facts);
  if (!lines.firstLine) return { why: 'no_offline_line' };
  return { prospect, template, facts, lines: { draft: lines.firstLine, summary: lines.formTestSummary } };
}

/** Problems the run itself finds, in the shape the checker's come in. */
function explained(problems: LineProblem[]): { reasons: string[]; problems: LineProblemMessage[] } {
  const messages = problems.map(explainLineProblem);
  return { reasons: messages.map((message) => message.en), problems: messages };
}

export async function personaliseCampaign(
  deps: { db: DatabaseAccess; ai: AiEngine | null },
  campaignId: string,
  batch = PERSONALISE_BATCH,
): Promise<PersonaliseResult> {
  const { db, ai } = deps;
  if (!ai?.outreachFirstLine || ai.name !== 'openai') return { campaignId, skipped: 'no_openai' };

  const { campaign, emails, prospects, templates } = await db.service(async (tx) => {
    const campaign = await loadCampaign(tx, campaignId);
    const emails: Candidate[] = await tx
      .select({
        id: outreachEmails.id,
        prospectId: outreachEmails.prospectId,
        templateId: outreachEmails.templateId,
        subject: outreachEmails.subject,
        content: outreachEmails.content,
        html: sql<unknown>`${outreachEmails.metadata}->'html'`,
      })
      .from(outreachEmails)
      .where(and(eq(outreachEmails.campaignId, campaignId), ...untouched()))
      .orderBy(asc(outreachEmails.createdAt), asc(outreachEmails.id))
      .limit(batch + 1);
    const prospectIds = [...new Set(emails.map((email) => email.prospectId).filter((id) => id !== null))];
    const templateIds = [...new Set(emails.map((email) => email.templateId).filter((id) => id !== null))];
    const prospects = prospectIds.length
      ? await selectProspects(tx, [sql`p.id in ${prospectIds}`], prospectIds.length)
      : [];
    const templates = templateIds.length
      ? await tx.select().from(emailTemplates).where(inArray(emailTemplates.id, templateIds))
      : [];
    return { campaign, emails, prospects, templates };
  });

  const prospectById = new Map(prospects.map((prospect) => [prospect.id, prospect]));
  const templateById = new Map(
    templates.map((row) => [row.id, { subject: row.subject, plain: row.plainContent, html: row.htmlContent }]),
  );
  const identity = campaign.settings.identity;
  const outcome: Extract<PersonaliseResult, { personalised: number }> = {
    campaignId,
    personalised: 0,
    refused: 0,
    skipped: 0,
    more: emails.length > batch,
    stopped: null,
  };
  const now = () => new Date().toISOString();
  const skip = async (email: Candidate, why: NonNullable<FirstLineAttempt['why']>) => {
    const attempt: FirstLineAttempt = { outcome: 'skipped', at: now(), why };
    if (await db.service((tx) => record(tx, email, { metadata: { firstLine: attempt } }, []))) outcome.skipped++;
  };

  for (const email of emails.slice(0, batch)) {
    const ready = readyToAsk(email, prospectById, templateById, identity);
    if ('why' in ready) {
      await skip(email, ready.why);
      continue;
    }
    const { prospect, template, facts, lines } = ready;

    const metadata = {
      task: 'outreach_first_line',
      variantId: OUTREACH_LINE_PROMPT.variantId,
      campaignId,
      emailId: email.id,
    };
    const started = performance.now();
    let answer: Awaited<ReturnType<NonNullable<AiEngine['outreachFirstLine']>>>;
    try {
      answer = await ai.outreachFirstLine(lineBrief(facts, lines.draft, lines.summary));
    } catch (error) {
      if (!(error instanceof AiError)) throw error;
      const failed = aiMetrics(
        'ai_analysis',
        campaign.clientId,
        { value: null, engine: 'offline', usage: null, latencyMs: 0 },
        { error, latencyMs: performance.now() - started },
        metadata,
      );
      // An answer that did not fit is this email's; anything else (down, slow, out of quota) is
      // every email's: the run stops, the rest keep their offline line until a retry.
      if (error.kind === 'invalid_output' || (error.kind === 'malformed' && !error.retryable)) {
        const attempt: FirstLineAttempt = {
          outcome: 'refused',
          at: now(),
          ...explained([{ code: 'no_usable_line', detail: `${error.kind}: ${error.message}` }]),
          variantId: OUTREACH_LINE_PROMPT.variantId,
        };
        if (await db.service((tx) => record(tx, email, { metadata: { firstLine: attempt } }, failed))) {
          outcome.refused++;
        }
        continue;
      }
      await db.service((tx) => recordMetrics(tx, failed));
      outcome.stopped = { kind: error.kind, retryable: error.retryable, message: error.message };
      outcome.more = true;
      break;
    }

    const line = answer.value.firstLine.trim();
    const check = checkFirstLine(line, facts);
    const base = { at: now(), line, variantId: OUTREACH_LINE_PROMPT.variantId, model: answer.usage?.model ?? null };
    const metrics = aiMetrics('ai_analysis', campaign.clientId, answer, null, { ...metadata, accepted: check.ok });
    const rendered = check.ok ? composeEmail(template, prospect, identity, line) : null;
    if (check.ok && rendered?.ok) {
      // The summary's facts (the offline writer's, without a first line of its own) and the new line's.
      const summaryFacts = writePersonalLines({ ...facts, site: null }).facts;
      const attempt: FirstLineAttempt = { outcome: 'accepted', ...base };
      const change = {
        subject: rendered.email.subject,
        content: rendered.email.plain,
        metadata: {
          html: rendered.email.html,
          facts: [...new Set([...summaryFacts, ...check.facts])],
          writer: answer.engine,
          firstLine: attempt,
        },
      };
      if (await db.service((tx) => record(tx, email, change, metrics))) outcome.personalised++;
    } else {
      const why = check.ok
        ? explained([{ code: 'not_renderable' }])
        : { reasons: check.reasons, problems: check.problems };
      const attempt: FirstLineAttempt = { outcome: 'refused', ...base, ...why };
      const change = { metadata: { writer: 'offline', firstLine: attempt } };
      if (await db.service((tx) => record(tx, email, change, metrics))) outcome.refused++;
    }
  }
  return outcome;
}
