import type { GrowthAnalysis } from '../../../schema/insights';
import { type Advice, fact, inbox, plural } from './advice';
import { DEFAULT_INTENT_ADVICE, INTENT_ADVICE } from './advice-anomalies';

/** Advice on demand: an intent on the rise, the one that converts best, next week's forecast, the languages leads write in. */

export function demandAdvice(analysis: GrowthAnalysis): Advice[] {
  const { figures } = analysis;
  const from = figures.period.start;
  const found: Advice[] = [];
  const anomalyIntents = new Set(figures.anomalies.flatMap((anomaly) => (anomaly.intent ? [anomaly.intent.key] : [])));
  const rising = analysis.topIntents
    .map((intent, index) => ({ intent, index }))
    .filter(({ intent }) => intent.changePercent !== null && intent.changePercent >= 25 && intent.period >= 3)
    .filter(({ intent }) => !anomalyIntents.has(intent.key))
    .sort((a, b) => b.intent.changePercent! - a.intent.changePercent!)[0];
  if (rising) {
    const { intent, index } = rising;
    const advice = INTENT_ADVICE[intent.key] ?? DEFAULT_INTENT_ADVICE;
    found.push({
      id: `rising:${intent.key}`,
      priority: 60,
      facts: [
        fact(`topIntents.${index}.changePercent`, intent.changePercent!, 'percent', 'Change', 'Variation'),
        fact(`topIntents.${index}.previous`, intent.previous, 'count', 'The week before', 'La semaine d’avant'),
        fact(`topIntents.${index}.period`, intent.period, 'count', 'This week', 'Cette semaine'),
      ],
      link: inbox({ intent: intent.key, from }),
      write: {
        en: ([change, previous, period]) => ({
          title: `“${intent.en}”: up ${change}, from ${previous} to ${period}`,
          body: advice.en,
        }),
        fr: ([change, previous, period]) => ({
          title: `« ${intent.fr} » : hausse de ${change}, de ${previous} à ${period}`,
          body: advice.fr,
        }),
      },
    });
  }

  const converted = figures.conversionByLanguage.en.converted + figures.conversionByLanguage.fr.converted;
  const best = figures.conversionByIntent
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.leads >= 5 && row.rate !== null && row.rate > 0)
    .sort((a, b) => b.row.rate! - a.row.rate! || b.row.leads - a.row.leads)[0];
  if (best) {
    const { row, index } = best;
    found.push({
      id: `converts:${row.key}`,
      priority: 50,
      facts: [
        fact(`figures.conversionByIntent.${index}.rate`, row.rate!, 'percent', 'Became customers', 'Devenus clients'),
      ],
      link: inbox({ intent: row.key }),
      write: {
        en: ([rate]) => ({
          title: `“${row.en}” converts best: ${rate} became customers`,
          body: 'When the week is busy, answer these first: they are the leads most likely to turn into work.',
        }),
        fr: ([rate]) => ({
          title: `« ${row.fr} » : ${rate} deviennent des clients`,
          body: 'Quand la semaine est chargée, répondez à celles-là en premier : ce sont elles qui se transforment le plus souvent en contrats.',
        }),
      },
    });
  } else if (converted === 0 && analysis.totalLeads >= 10) {
    found.push({
      id: 'tag_conversions',
      priority: 55,
      facts: [fact('totalLeads', analysis.totalLeads, 'count', 'Leads so far', 'Demandes à ce jour')],
      link: inbox({}),
      write: {
        en: ([total]) => ({
          title: 'Tag the leads who become customers',
          body: `None of your ${total} leads is tagged Converted yet. Tag each one that turns into a job, and these insights will show which requests bring you business.`,
        }),
        fr: ([total]) => ({
          title: 'Étiquetez les demandes qui deviennent des clients',
          body: `Aucune de vos ${total} demandes n’a encore l’étiquette Converti. Ajoutez-la à chaque demande qui devient un contrat : ces analyses montreront alors quelles demandes vous rapportent.`,
        }),
      },
    });
  }

  const { forecast } = figures;
  // A forecast of nothing is no advice: the quiet client is better served by the habits below.
  if (forecast && forecast.high > 0) {
    found.push({
      id: 'forecast',
      priority: 40,
      facts: [
        fact(
          'figures.forecast.expected',
          forecast.expected,
          'count',
          'Expected next week',
          'Prévu la semaine prochaine',
        ),
        fact('figures.forecast.low', forecast.low, 'count', 'At least (80% interval)', 'Au moins (intervalle de 80 %)'),
        fact('figures.forecast.high', forecast.high, 'count', 'At most (80% interval)', 'Au plus (intervalle de 80 %)'),
      ],
      link: null,
      write: {
        en: ([expected, low, high]) => ({
          title: `Expect about ${expected} ${plural(forecast.expected, 'lead', 'leads')} next week`,
          body: `Most likely between ${low} and ${high}. Block time in your calendar now so each one gets an answer the same day.`,
        }),
        fr: ([expected, low, high]) => ({
          title: `Prévoyez environ ${expected} ${forecast.expected <= 1 ? 'demande' : 'demandes'} la semaine prochaine`,
          body: `Fort probablement entre ${low} et ${high}. Bloquez du temps à votre agenda dès maintenant pour répondre à chacune le jour même.`,
        }),
      },
    });
  }

  const french = analysis.languageRatio.fr;
  if (french >= 20 && french <= 80) {
    found.push({
      id: 'languages',
      priority: 30,
      facts: [fact('languageRatio.fr', french, 'percent', 'Leads in French', 'Demandes en français')],
      link: inbox({ language: 'fr' }),
      write: {
        en: ([share]) => ({
          title: `${share} of your leads write in French`,
          body: 'Avenir answers each lead in their language. Make sure your voicemail, your quotes and your invoices are bilingual too.',
        }),
        fr: ([share]) => ({
          title: `${share} de vos demandes arrivent en français`,
          body: 'Avenir répond à chacun dans sa langue. Assurez-vous que votre boîte vocale, vos soumissions et vos factures sont bilingues, elles aussi.',
        }),
      },
    });
  }

  return found;
}
