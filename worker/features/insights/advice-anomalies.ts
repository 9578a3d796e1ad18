import type { Anomaly, GrowthAnalysis } from '../../../schema/insights';
import type { IntentKey, Language } from '../../../schema/vocabulary';
import { type Advice, fact, inbox, settings } from './advice';

/** Advice on what is far from its usual level this week (anomalies.ts found it). */

/** What to do about more leads of an intent than usual, by what the intent is. */
export const INTENT_ADVICE: Partial<Record<IntentKey, Record<Language, string>>> = {
  complaint: {
    en: 'Read them first and call each unhappy customer back before the problem grows.',
    fr: "Lisez-les en premier et rappelez chaque client mécontent avant que le problème prenne de l'ampleur.",
  },
  quote_request: {
    en: 'Demand is up: have your prices and availability ready so you can send quotes the same day.',
    fr: 'La demande est en hausse : gardez vos prix et vos disponibilités à portée de main pour envoyer vos soumissions le jour même.',
  },
  booking_request: {
    en: 'People want to book: keep your booking link in every reply and open a few more time slots.',
    fr: 'Les gens veulent réserver : mettez votre lien de réservation dans chaque réponse et ouvrez quelques plages de plus.',
  },
  service_inquiry: {
    en: 'More people are asking what you do: a clear services page with prices answers them before they write.',
    fr: "Plus de gens demandent ce que vous offrez : une page de services claire, avec des prix, leur répond avant qu'ils écrivent.",
  },
  support_request: {
    en: 'Existing customers need help: a quick call back keeps them loyal.',
    fr: 'Vos clients actuels ont besoin d’aide : un rappel rapide les garde fidèles.',
  },
  job_application: {
    en: 'People want to work with you: prepare a standard answer for applications.',
    fr: 'Des gens veulent travailler avec vous : préparez une réponse type pour les candidatures.',
  },
  billing: {
    en: 'Check whether an invoice or a price change is confusing customers.',
    fr: 'Vérifiez si une facture ou un changement de prix mêle vos clients.',
  },
};
export const DEFAULT_INTENT_ADVICE: Record<Language, string> = {
  en: 'Read them together to see what changed.',
  fr: 'Lisez-les ensemble pour voir ce qui a changé.',
};

function adviceOnAnomaly(anomaly: Anomaly, index: number, from: string): Advice {
  const path = `figures.anomalies.${index}`;
  const facts = [
    fact(`${path}.period`, anomaly.period, 'count', 'This week', 'Cette semaine'),
    fact(`${path}.ratio`, anomaly.ratio, 'ratio', 'Against the usual level', 'Par rapport au niveau habituel'),
    fact(
      `${path}.average`,
      anomaly.average,
      'decimal',
      'Usual level (weekly average)',
      'Niveau habituel (moyenne par semaine)',
    ),
  ];
  if (anomaly.kind === 'intent' && anomaly.intent) {
    const { key, en, fr } = anomaly.intent;
    const advice = INTENT_ADVICE[key] ?? DEFAULT_INTENT_ADVICE;
    return {
      id: `anomaly:${key}`,
      priority: key === 'complaint' ? 95 : 90,
      facts,
      link: inbox({ intent: key, from }),
      write: {
        en: ([period, ratio, average]) => ({
          title: `“${en}”: ${period} in the past seven days, ${ratio} the usual`,
          body: `You usually get ${average} a week. ${advice.en}`,
        }),
        fr: ([period, ratio, average]) => ({
          title: `« ${fr} » : ${period} au cours des sept derniers jours, ${ratio} plus que d’habitude`,
          body: `D’habitude, vous en recevez ${average} par semaine. ${advice.fr}`,
        }),
      },
    };
  }
  if (anomaly.kind === 'high_urgency') {
    return {
      id: 'anomaly:high_urgency',
      priority: 88,
      facts,
      link: inbox({ urgency: 'High', from }),
      write: {
        en: ([period, ratio, average]) => ({
          title: `Urgent requests: ${period} in the past seven days, ${ratio} the usual`,
          body: `You usually get ${average} a week. Keep your phone close and answer these first: an urgent request goes to whoever calls back first.`,
        }),
        fr: ([period, ratio, average]) => ({
          title: `Demandes urgentes : ${period} au cours des sept derniers jours, ${ratio} plus que d’habitude`,
          body: `D’habitude, vous en recevez ${average} par semaine. Gardez votre téléphone proche et traitez-les en premier : une demande urgente va à celui qui rappelle le premier.`,
        }),
      },
    };
  }
  if (anomaly.direction === 'down') {
    return {
      id: 'anomaly:volume_down',
      priority: 92,
      facts,
      link: settings,
      write: {
        en: ([period, ratio, average]) => ({
          title: `Fewer leads: ${period} in the past seven days, ${ratio} the usual`,
          body: `You usually get ${average} a week. Check that the form still shows and works on your site, and that nothing changed in your ads or your Google listing.`,
        }),
        fr: ([period, ratio, average]) => ({
          title: `Moins de demandes : ${period} au cours des sept derniers jours, ${ratio} le niveau habituel`,
          body: `D’habitude, vous en recevez ${average} par semaine. Vérifiez que le formulaire s’affiche et fonctionne toujours sur votre site, et que rien n’a changé dans vos publicités ou votre fiche Google.`,
        }),
      },
    };
  }
  return {
    id: 'anomaly:volume_up',
    priority: 75,
    facts,
    link: inbox({ from }),
    write: {
      en: ([period, ratio, average]) => ({
        title: `More leads: ${period} in the past seven days, ${ratio} the usual`,
        body: `You usually get ${average} a week. Block time to answer every one of them: a busy week is when leads wait longest.`,
      }),
      fr: ([period, ratio, average]) => ({
        title: `Plus de demandes : ${period} au cours des sept derniers jours, ${ratio} plus que d’habitude`,
        body: `D’habitude, vous en recevez ${average} par semaine. Bloquez du temps pour répondre à chacune : c’est quand on est occupé que les clients attendent le plus.`,
      }),
    },
  };
}

export const anomalyAdvice = (analysis: GrowthAnalysis): Advice[] =>
  analysis.figures.anomalies.map((anomaly, index) => adviceOnAnomaly(anomaly, index, analysis.figures.period.start));
