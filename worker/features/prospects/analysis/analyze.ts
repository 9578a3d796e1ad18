import { eq, sql } from 'drizzle-orm';
import { prospectCandidates, prospectSiteEmbeddings } from '../../../../schema';
import type { Embedder } from '../../../platform/ai/embeddings';
import type { DatabaseAccess } from '../../../platform/db';
import type { OutboundFetcher } from '../../../platform/fetch/safe-fetch';
import { profileFit, vectorStorage, vectorValue } from '../fit';
import { asMetadata } from '../metadata';
import { crawlSite } from './crawl';
import type { PageReading } from './read-page';
import { scoreSite } from './score';
import { bestContactEmail, siteEvidence } from './site-evidence';

export interface AnalysisDeps {
  db: DatabaseAccess;
  fetcher: OutboundFetcher;
  embedder: Embedder;
  now?: () => Date;
}

export type AnalysisOutcome =
  | { status: 'analyzed'; prospectId: string; automationNeedScore: number; fitScore: number | null }
  | { status: 'failed'; prospectId: string; reason: string }
  | { status: 'missing'; prospectId: string };

/** The words a site is embedded from: what it says it is, then what it says, bounded. */
const SITE_TEXT_CHARS = 6_000;
export function siteText(pages: readonly PageReading[]): string {
  const parts = pages.flatMap((page) => [page.title ?? '', page.description ?? '', ...page.headings, page.text]);
  return parts.filter(Boolean).join('\n').slice(0, SITE_TEXT_CHARS);
}

/**
 * Reads one prospect's site and stores what it found: the evidence, the need score with
 * its parts, the fit score, the language, the form's address and a contactable email. A
 * site that cannot be read is a result too (`failed`, with why), never a thrown job: the
 * next run does not hammer a site that refused it.
 */
export async function analyzeProspect(deps: AnalysisDeps, prospectId: string): Promise<AnalysisOutcome> {
  const now = deps.now ?? (() => new Date());
  const t = prospectCandidates;
  const [prospect] = await deps.db.service((tx) => tx.select().from(t).where(eq(t.id, prospectId)).limit(1));
  if (!prospect) return { status: 'missing', prospectId };
  const startedAt = now();
  const crawl = await crawlSite(deps.fetcher, prospect.website, now);
  const metadata = asMetadata(prospect.metadata);

  if (crawl.failure) {
    await deps.db.service((tx) =>
      tx
        .update(t)
        .set({
          analysisStatus: 'failed',
          analyzedAt: now(),
          metadata: {
            ...metadata,
            analysis: {
              startedAt: startedAt.toISOString(),
              completedAt: now().toISOString(),
              error: crawl.failure!.reason,
            },
            evidence: { ...(metadata.evidence ?? emptyEvidence(prospect.website)), pages: crawl.fetched },
          },
          updatedAt: sql`now()`,
        })
        .where(eq(t.id, prospectId)),
    );
    return { status: 'failed', prospectId, reason: crawl.failure.reason };
  }

  const evidence = siteEvidence({ pages: crawl.pages, fetched: crawl.fetched, website: prospect.website, now: now() });
  const score = scoreSite(evidence, now());
  const text = siteText(crawl.pages);
  const [embedding] = await deps.embedder.embed([text]);
  const contactEmail = bestContactEmail(evidence.emails, prospect.domain);

  const fitScore = await deps.db.service(async (tx) => {
    const storage = await vectorStorage(tx);
    await tx
      .insert(prospectSiteEmbeddings)
      .values({ prospectId, embedding: vectorValue(storage, embedding!), embeddingModel: deps.embedder.model })
      .onConflictDoUpdate({
        target: prospectSiteEmbeddings.prospectId,
        set: {
          embedding: sql`excluded.embedding`,
          embeddingModel: sql`excluded.embedding_model`,
          createdAt: sql`now()`,
        },
      });
    const fit = await profileFit(tx, storage, embedding!, deps.embedder.model);
    await tx
      .update(t)
      .set({
        analysisStatus: 'analyzed',
        analyzedAt: now(),
        automationNeedScore: score.total,
        fitScore: fit,
        language: evidence.languages[0] ?? prospect.language,
        // A script-only form is still the business's contact form: a form test visits it and says why it stops.
        formUrl: evidence.form?.pageUrl ?? evidence.javascriptOnlyFormUrl ?? null,
        contactEmail,
        phone: prospect.phone ?? evidence.phones[0] ?? null,
        metadata: {
          ...metadata,
          analysis: { startedAt: startedAt.toISOString(), completedAt: now().toISOString(), error: null },
          evidence,
          score,
        },
        updatedAt: sql`now()`,
      })
      .where(eq(t.id, prospectId));
    return fit;
  });
  return { status: 'analyzed', prospectId, automationNeedScore: score.total, fitScore };
}

function emptyEvidence(website: string) {
  return {
    pages: [],
    emails: [],
    phones: [],
    form: null,
    javascriptOnlyForm: false,
    javascriptOnlyFormUrl: null,
    chatWidgets: [],
    bookingTools: [],
    noSolicitation: null,
    copyrightYear: null,
    viewport: false,
    https: website.startsWith('https://'),
    languages: [],
  };
}
