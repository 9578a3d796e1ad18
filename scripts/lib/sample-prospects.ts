import { count } from 'drizzle-orm';
import { avenirProfileEmbeddings } from '../../schema';
import { saveProfile } from '../../worker/features/prospects/profile';
import type { Embedder } from '../../worker/platform/ai/embeddings';
import type { DatabaseAccess } from '../../worker/platform/db';

/**
 * The operator's profile the fit score compares sites to, written on the first start only
 * (an operator who edits it keeps their text).
 */

export const DEMO_PROFILE = `Avenir answers a small business's web leads within seconds, in English and in French. A visitor fills the form on the business's site; Avenir stores the lead, reads what the person asks (a quote, an appointment, an emergency), and writes back at once in the business's own tone, with its booking link.

Avenir sert les PME du Québec : plombiers, couvreurs, électriciens, entrepreneurs en rénovation, paysagistes, entreprises d'entretien ménager, cliniques dentaires et de physiothérapie. Ce sont des entreprises qui reçoivent des demandes de soumission et de rendez-vous par leur site Web, et qui y répondent à la main, souvent le lendemain.

The owner sees every lead in one inbox with a summary, its urgency and the reply that went out, and each Monday what brought leads in and what was lost. No developer is needed: one script tag on the site.`;

export async function writeSampleProspecting(db: DatabaseAccess, embedder: Embedder): Promise<boolean> {
  const [chunks] = await db.service((tx) => tx.select({ n: count() }).from(avenirProfileEmbeddings));
  if (chunks!.n > 0) return false;
  await saveProfile(db, embedder, DEMO_PROFILE);
  return true;
}
