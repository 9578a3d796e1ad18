import { count } from 'drizzle-orm';
import { avenirProfileEmbeddings, prospectIcps } from '../../schema';
import type { IcpInput } from '../../schema/prospects-api';
import { createIcp } from '../../worker/features/prospects/icps';
import { saveProfile } from '../../worker/features/prospects/profile';
import type { Embedder } from '../../worker/platform/ai/embeddings';
import type { DatabaseAccess } from '../../worker/platform/db';

/**
 * What a newcomer needs to run discovery at once: the operator's profile the fit score
 * compares sites to, and an ICP that searches the demo sites. Each is written on the first
 * start only (an operator who edits them, or turns the ICP off, keeps their choice).
 */

export const DEMO_PROFILE = `Avenir answers a small business's web leads within seconds, in English and in French. A visitor fills the form on the business's site; Avenir stores the lead, reads what the person asks (a quote, an appointment, an emergency), and writes back at once in the business's own tone, with its booking link.

Avenir sert les PME du Québec : plombiers, couvreurs, électriciens, entrepreneurs en rénovation, paysagistes, entreprises d'entretien ménager, cliniques dentaires et de physiothérapie. Ce sont des entreprises qui reçoivent des demandes de soumission et de rendez-vous par leur site Web, et qui y répondent à la main, souvent le lendemain.

The owner sees every lead in one inbox with a summary, its urgency and the reply that went out, and each Monday what brought leads in and what was lost. No developer is needed: one script tag on the site.`;

/** Quebec trades and clinics: the businesses the profile above describes, found among the demo sites. */
export const DEMO_ICP: IcpInput = {
  name: 'Quebec trades and clinics (demo sites)',
  industries: [
    'plumbing',
    'roofing',
    'electrical',
    'renovation',
    'hvac',
    'landscaping',
    'cleaning',
    'snow_removal',
    'dental',
    'physiotherapy',
  ],
  province: 'QC',
  cities: [],
  radiusKm: null,
  languages: [],
  employeesMin: null,
  employeesMax: null,
  keywords: [],
  dailyQuota: 16,
  providers: ['demo'],
  active: true,
};

export async function writeSampleProspecting(
  db: DatabaseAccess,
  embedder: Embedder,
): Promise<{ profile: boolean; icp: boolean }> {
  const [[chunks], [icps]] = await db.service((tx) =>
    Promise.all([
      tx.select({ n: count() }).from(avenirProfileEmbeddings),
      tx.select({ n: count() }).from(prospectIcps),
    ]),
  );
  if (chunks!.n === 0) await saveProfile(db, embedder, DEMO_PROFILE);
  if (icps!.n === 0) await createIcp(db, DEMO_ICP, 'demo');
  return { profile: chunks!.n === 0, icp: icps!.n === 0 };
}
