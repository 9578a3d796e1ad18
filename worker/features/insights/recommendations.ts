import type { Anomaly, Evidence, GrowthAnalysis, InsightLink, Recommendation } from '../../../schema/insights';
import type { IntentKey, Language } from '../../../schema/vocabulary';
import { type FigureKind, formatFigure } from './figure-format';

/**
 * What the analysis advises this week, without I/O: the advice that applies, each with the
 * figures it rests on and the leads it is about, and the deterministic writer's words for
 * it in English and Quebec French. The words quote figures only through their `display`
 * (figure-format.ts), so every number a reader sees is a number the analysis stored; other
 * writers (OpenAI) are held to the same figures (writer.ts).
 */

export const MIN_RECOMMENDATIONS = 3;
export const MAX_RECOMMENDATIONS = 5;
/** A first human action slower than this (median, minutes) is worth a recommendation. */
export const SLOW_FIRST_ACTION_MINUTES = 60;
/** Below this share of automatic replies (percent), some replies did not go out. */
const LOW_COVERAGE_PERCENT = 90;

interface Fact {
  figure: string;
  value: number;
  kind: FigureKind;
  label: Record<Language, string>;
}

type Words = { title: string; body: string };
/** Writes one piece of advice in one language, from its facts' displays (in the facts' order). */
type Writer = (shown: readonly string[]) => Words;

export interface Advice {
  id: string;
  /** Higher comes first. */
  priority: number;
  facts: Fact[];
  link: InsightLink | null;
  write: Record<Language, Writer>;
}

const inbox = (params: Record<string, string>): InsightLink => ({
  screen: 'inbox',
  query: new URLSearchParams(params).toString(),
});
const settings: InsightLink = { screen: 'settings', query: '' };

const fact = (figure: string, value: number, kind: FigureKind, en: string, fr: string): Fact => ({
  figure,
  value,
  kind,
  label: { en, fr },
});

/** "1 lead" / "2 leads": English plural by count. */
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** What to do about more leads of an intent than usual, by what the intent is. */
const INTENT_ADVICE: Partial<Record<IntentKey, Record<Language, string>>> = {
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
const DEFAULT_INTENT_ADVICE: Record<Language, string> = {
  en: 'Read them together to see what changed.',
  fr: 'Lisez-les ensemble pour voir ce qui a changé.',
};

function anomalyAdvice(anomaly: Anomaly, index: number, from: string): Advice {
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

/** Every piece of advice the analysis supports, the most pressing first. */
export function adviceFor(analysis: GrowthAnalysis): Advice[] {
  const { figures } = analysis;
  const { counts } = figures;
  const from = figures.period.start;
  const found: Advice[] = [];

  if (counts.waitingHigh > 0) {
    const n = counts.waitingHigh;
    found.push({
      id: 'waiting_high',
      priority: 100,
      facts: [fact('figures.counts.waitingHigh', n, 'count', 'Urgent leads waiting', 'Demandes urgentes en attente')],
      link: inbox({ urgency: 'High', sort: 'oldest', from }),
      write: {
        en: ([shown]) => ({
          title: `${shown} urgent ${plural(n, 'lead is', 'leads are')} still waiting for you`,
          body: `${plural(n, 'It', 'They')} came in during the past seven days and no one has followed up yet. Call back today: an urgent request usually goes to whoever answers first.`,
        }),
        fr: ([shown]) => ({
          title:
            n === 1
              ? `${shown} demande urgente attend encore votre suivi`
              : `${shown} demandes urgentes attendent encore votre suivi`,
          body: `${n === 1 ? 'Elle est arrivée' : 'Elles sont arrivées'} au cours des sept derniers jours et personne n’a encore fait de suivi. Rappelez aujourd’hui : une demande urgente va souvent à celui qui répond en premier.`,
        }),
      },
    });
  }

  found.push(...figures.anomalies.map((anomaly, index) => anomalyAdvice(anomaly, index, from)));

  const firstAction = figures.speedToLead.firstAction.all;
  if (counts.leads > 0 && firstAction.leads === 0) {
    found.push({
      id: 'no_follow_up',
      priority: 85,
      facts: [fact('figures.counts.leads', counts.leads, 'count', 'Leads this week', 'Demandes cette semaine')],
      link: inbox({ from, sort: 'oldest' }),
      write: {
        en: ([leads]) => ({
          title: 'No lead got a personal follow-up this week',
          body:
            counts.leads === 1
              ? 'The lead of the past seven days has no note, tag or answer from you yet. Follow up today.'
              : `None of the ${leads} leads of the past seven days has a note, a tag or an answer from you yet. Follow up with each of them today.`,
        }),
        fr: ([leads]) => ({
          title: 'Aucune demande n’a eu de suivi personnel cette semaine',
          body:
            counts.leads === 1
              ? 'La demande des sept derniers jours n’a encore ni note, ni étiquette, ni réponse de votre part. Faites un suivi aujourd’hui.'
              : `Aucune des ${leads} demandes des sept derniers jours n’a encore de note, d’étiquette ou de réponse de votre part. Faites un suivi avec chacune aujourd’hui.`,
        }),
      },
    });
  } else if (firstAction.median !== null && firstAction.median > SLOW_FIRST_ACTION_MINUTES) {
    const facts = [
      fact(
        'figures.speedToLead.firstAction.all.median',
        firstAction.median,
        'minutes',
        'Median first follow-up',
        'Premier suivi (médiane)',
      ),
    ];
    if (firstAction.p90 !== null) {
      facts.push(
        fact(
          'figures.speedToLead.firstAction.all.p90',
          firstAction.p90,
          'minutes',
          'Slowest tenth waited more than',
          'Le dixième le plus lent a attendu plus de',
        ),
      );
    }
    found.push({
      id: 'speed',
      priority: 80,
      facts,
      link: inbox({ from, sort: 'oldest' }),
      write: {
        en: ([median, p90]) => ({
          title: `Answer sooner: your first follow-up took ${median} (median)`,
          body: `${p90 ? `One lead in ten waited more than ${p90}. ` : ''}The automatic reply buys you time, but a lead called back within the hour is far more likely to book. Turn on notifications on your phone and answer in the morning and at noon.`,
        }),
        fr: ([median, p90]) => ({
          title: `Répondez plus vite : votre premier suivi a pris ${median} (médiane)`,
          body: `${p90 ? `Un client potentiel sur dix a attendu plus de ${p90}. ` : ''}La réponse automatique vous donne du temps, mais un client rappelé dans l’heure réserve beaucoup plus souvent. Activez les notifications sur votre téléphone et répondez le matin et le midi.`,
        }),
      },
    });
  } else if (firstAction.median !== null && firstAction.leads >= 3) {
    found.push({
      id: 'speed_good',
      priority: 25,
      facts: [
        fact(
          'figures.speedToLead.firstAction.all.median',
          firstAction.median,
          'minutes',
          'Median first follow-up',
          'Premier suivi (médiane)',
        ),
      ],
      link: null,
      write: {
        en: ([median]) => ({
          title: `You follow up fast: ${median} (median)`,
          body: 'Speed is what wins small-business leads. Keep the habit on your busiest days too.',
        }),
        fr: ([median]) => ({
          title: `Vous faites un suivi rapide : ${median} (médiane)`,
          body: 'La rapidité, c’est ce qui fait gagner les contrats. Gardez le rythme même les journées les plus occupées.',
        }),
      },
    });
  }

  const coverage = figures.engagement.terms.find((term) => term.key === 'coverage')?.input ?? null;
  if (coverage !== null && coverage < LOW_COVERAGE_PERCENT && counts.leads >= 3) {
    found.push({
      id: 'coverage',
      priority: 70,
      facts: [
        fact(
          'figures.counts.autoReplied',
          counts.autoReplied,
          'count',
          'Leads answered automatically',
          'Demandes avec réponse automatique',
        ),
        fact('figures.counts.leads', counts.leads, 'count', 'Leads this week', 'Demandes cette semaine'),
      ],
      link: { screen: 'activity', query: new URLSearchParams({ action: 'replied', from }).toString() },
      write: {
        en: ([replied, leads]) => ({
          title: `Only ${replied} of ${leads} leads got the automatic reply`,
          body: 'Some replies could not go out. Look at the leads without one: an address with a typo is worth a phone call instead.',
        }),
        fr: ([replied, leads]) => ({
          title:
            counts.autoReplied <= 1
              ? `Seulement ${replied} demande sur ${leads} a reçu la réponse automatique`
              : `Seulement ${replied} demandes sur ${leads} ont reçu la réponse automatique`,
          body: 'Certaines réponses n’ont pas pu partir. Regardez les demandes sans réponse : une adresse avec une faute de frappe vaut un appel.',
        }),
      },
    });
  }

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

  // Always given, so every analysis with leads has at least MIN_RECOMMENDATIONS recommendations.
  found.push(
    {
      id: 'urgency_first',
      priority: 15,
      facts: [],
      link: inbox({ sort: 'urgency' }),
      write: {
        en: () => ({
          title: 'Start each day with the urgent leads',
          body: 'Sort the inbox by urgency every morning: leads that cannot wait come first, and the rest can wait for the afternoon.',
        }),
        fr: () => ({
          title: 'Commencez chaque journée par les demandes urgentes',
          body: 'Triez la boîte de réception par urgence chaque matin : ce qui ne peut pas attendre passe en premier, le reste peut attendre l’après-midi.',
        }),
      },
    },
    {
      id: 'reply_tone',
      priority: 12,
      facts: [],
      link: settings,
      write: {
        en: () => ({
          title: 'Read the reply your leads get',
          body: 'Send yourself a test lead from Settings and read the automatic reply as a customer would. Adjust its tone and your booking link until it sounds like you.',
        }),
        fr: () => ({
          title: 'Lisez la réponse que reçoivent vos clients',
          body: 'Envoyez-vous une demande test depuis les Paramètres et lisez la réponse automatique comme un client le ferait. Ajustez le ton et votre lien de réservation pour qu’elle vous ressemble.',
        }),
      },
    },
    {
      id: 'embed_more',
      priority: 10,
      facts: [],
      link: settings,
      write: {
        en: () => ({
          title: 'Put the form on every page that sells',
          body: 'Visitors write where they see the form: add it to your services, your quote page and your contact page, not only the home page.',
        }),
        fr: () => ({
          title: 'Mettez le formulaire sur chaque page qui vend',
          body: 'Les visiteurs écrivent là où ils voient le formulaire : ajoutez-le à vos pages de services, de soumission et de contact, pas seulement à l’accueil.',
        }),
      },
    },
  );

  return found.sort((a, b) => b.priority - a.priority);
}

/** The advice a week's analysis gives: the most pressing, at most MAX_RECOMMENDATIONS; none without a lead. */
export function chooseAdvice(analysis: GrowthAnalysis): Advice[] {
  if (analysis.totalLeads === 0) return [];
  return adviceFor(analysis).slice(0, MAX_RECOMMENDATIONS);
}

/** The facts of a piece of advice as the reader sees them, in one language. */
export function evidenceOf(advice: Advice, language: Language): Evidence[] {
  return advice.facts.map((f) => ({
    label: f.label[language],
    figure: f.figure,
    value: f.value,
    display: formatFigure(f.value, f.kind, language),
  }));
}

/** One recommendation, with the deterministic writer's words unless `words` are given. */
export function recommendation(advice: Advice, language: Language, words?: Words): Recommendation {
  const evidence = evidenceOf(advice, language);
  const written = words ?? advice.write[language](evidence.map((item) => item.display));
  return { id: advice.id, ...written, evidence, link: advice.link };
}

/** The deterministic writer: every chosen piece of advice in both languages. */
export function offlineRecommendations(advice: readonly Advice[]): Record<Language, Recommendation[]> {
  return {
    en: advice.map((item) => recommendation(item, 'en')),
    fr: advice.map((item) => recommendation(item, 'fr')),
  };
}
