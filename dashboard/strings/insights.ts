import type { InsightsPeriodKey } from '../../schema/app-api';
import type { EngagementTermKey, InsightLink, InsightsEngine } from '../../schema/insights';
import { addStrings } from '../i18n';

/**
 * The Insights screen's strings (dashboard/insights*.tsx); `fr` is typed by `en`. Figures
 * come in already formatted (Intl, in the screen's language): the functions here only
 * place them in words, and take the count itself where the words depend on it (plurals).
 */

/** One part of "How is this computed": a heading and its explanation. */
interface MethodPart {
  title: string;
  text: string;
}

const en = {
  insightsIntro: 'How your leads are doing, what changed, and what to do about it.',
  insightsPeriod: 'Period',
  insightsPeriods: {
    week: 'This week',
    '4w': 'Last 4 weeks',
    '12w': 'Last 12 weeks',
    custom: 'Custom',
  } satisfies Record<InsightsPeriodKey, string>,
  insightsFrom: 'First day',
  insightsTo: 'Last day',
  insightsShowPeriod: 'Show this period',
  insightsCustomIncomplete: 'Choose the first and the last day of the period.',
  insightsCustomReversed: 'The last day comes before the first: swap them.',
  insightsPeriodRange: (range: string, days: number) =>
    `${range} (${days} ${days === 1 ? 'day' : 'days'}), compared with the ${days === 1 ? 'day' : `${days} days`} before.`,
  insightsAnalyzed: (when: string, engine: string | null) =>
    engine ? `Last analysis: ${when}, by ${engine}.` : `Last analysis: ${when}.`,
  insightsEngines: { openai: 'OpenAI', offline: 'Avenir’s built-in rules' } satisfies Record<InsightsEngine, string>,
  insightsLoadingPeriod: 'Loading the period…',

  insightsRefresh: 'Refresh with Growth Copilot',
  insightsRefreshWorking: 'Growth Copilot is working…',
  /** `window`: insightsPerWindow's words. */
  insightsRefreshLimit: (limit: number, window: string, remaining: number) =>
    `${limit} ${limit === 1 ? 'refresh' : 'refreshes'} ${window}, ${remaining === 0 ? 'none' : remaining} left.`,
  insightsPerWindow: (minutes: number) =>
    minutes === 60
      ? 'per hour'
      : minutes === 1440
        ? 'per day'
        : minutes % 60 === 0
          ? `every ${minutes / 60} hours`
          : `every ${minutes} minutes`,
  insightsRefreshNext: (time: string) => `Next one possible at ${time}.`,
  insightsQueued: 'In line: the analysis starts in a moment…',
  insightsRunning: 'Analysing your leads and writing the recommendations…',
  insightsProgress: 'Progress of the analysis',
  insightsRefreshFailed:
    'The analysis could not finish. The figures shown are from the previous one: try again in a few minutes.',
  insightsRefreshLimited: (time: string) => `No refresh left for now. Try again at ${time}.`,
  insightsRefreshDone: (leads: string, count: number, score: string | null) =>
    `New analysis ready: ${leads} ${count === 1 ? 'lead' : 'leads'} this period${score ? `, engagement score ${score} out of 100` : ''}.`,

  insightsTestClient: 'This is a test account: these figures include its sample and test leads.',

  insightsEmptyTitle: 'No lead to analyse yet',
  insightsEmptyHelp:
    'Insights start with your first leads. Put the form on your website: copy its code from the settings and paste it where the form should appear. Leads arrive seconds after a visitor sends it, and the next analysis counts them.',
  insightsEmptyAction: 'Add the form to your website',
  insightsNeverTitle: 'Your first analysis is on its way',
  insightsNeverHelp:
    'Avenir analyses your leads every Monday morning and emails you the digest. Growth Copilot can run the analysis now.',

  insightsRecommendations: 'What to do this week',
  insightsRecommendationsFrom: (when: string) =>
    `From the analysis of ${when}: Growth Copilot’s advice, with the figures it rests on.`,
  insightsEvidence: 'The figures behind it',
  insightsLinkTo: {
    inbox: 'See these leads in the inbox',
    activity: 'See this in the activity log',
    settings: 'Open the settings',
  } satisfies Record<InsightLink['screen'], string>,
  insightsNoRecommendations: 'Nothing to change this week: keep it up.',

  insightsKeyFigures: 'Key figures',
  insightsLeads: 'Leads this period',
  insightsLeadsNote: (previous: string, change: string | null) =>
    change ? `${previous} the period before (${change})` : `${previous} the period before`,
  insightsEngagement: 'Engagement score',
  insightsOutOf100: 'out of 100',
  insightsEngagementNote: 'Volume, speed, reply coverage and conversion',
  insightsSpeed: 'Speed to lead',
  insightsSpeedNote: (auto: string) => `Median time to your team’s first action. Automatic reply: ${auto}.`,
  insightsSpeedNone: 'No lead handled by your team this period.',
  insightsConversion: 'Conversion',
  insightsConversionNote: (converted: string, leads: string) => `${converted} of ${leads} leads tagged Converted`,
  insightsHowLink: 'How it is computed',

  insightsShowFigures: 'Show the figures',
  insightsTableOf: (title: string) => `${title}: the figures`,
  insightsWeekOf: 'Week of',
  insightsLeadsColumn: 'Leads',
  insightsHighColumn: 'High urgency',
  insightsConvertedColumn: 'Converted',
  insightsVolumeTitle: 'Leads per week',
  insightsVolumeSummary: (total: string, weeks: number, last: string) =>
    `${total} leads over ${weeks} weeks, ${last} in the last one.`,
  insightsForecastSummary: (expected: string, low: string, high: string) =>
    ` Next 7 days: about ${expected} (likely ${low} to ${high}).`,
  insightsNoForecast: ' Too little history for a forecast yet.',
  insightsLegendLeads: 'Leads',
  insightsLegendHigh: 'High urgency',
  insightsLegendForecast: 'Forecast, with its likely range',
  insightsForecastRow: (week: string) => `${week} (forecast)`,
  insightsForecastRange: (low: string, high: string) => `${low} to ${high}`,
  insightsLikelyRange: 'Likely range',

  insightsUrgencyTitle: 'Urgency',
  insightsUrgencySummary: 'Leads of all time by urgency.',
  insightsHighShare: (share: string) => ` High urgency this period: ${share} of the triaged leads`,
  insightsHighTrend: (points: string) => ` (${points} points against the period before)`,
  insightsCount: 'Leads',
  insightsShare: 'Share',

  insightsToneTitle: 'Tone of the messages',
  insightsToneSummary: (score: string | null) =>
    score ? `Leads of all time by tone. Sentiment score: ${score} out of 100.` : 'Leads of all time by tone.',
  insightsTone: 'Tone',

  insightsIntentsTitle: 'Top intents',
  insightsIntentsSummary:
    'The five most frequent intents of all time, and how many came this period against the period before.',
  insightsThisPeriod: 'This period',
  insightsPeriodBefore: 'Period before',
  insightsChange: 'Change',
  insightsChangeNew: 'New this period',
  insightsChangeSame: 'No change',
  insightsChangeSr: (change: string) => `Change against the period before: ${change}`,
  insightsPeriodCounts: (period: string, previous: string) => `${period} this period, ${previous} the period before`,

  insightsConfidenceTitle: 'Triage confidence',
  insightsConfidenceSummary: (mean: string | null) =>
    `How sure the triage was, week by week${mean ? ` (mean of all time: ${mean})` : ''}. A gap is a week with no triaged lead.`,
  insightsMeanConfidence: 'Mean confidence',
  insightsTriagedLeads: 'Leads triaged',

  insightsLanguageTitle: 'Language of the leads',
  insightsLanguageSummary: (en: string, fr: string) => `Leads of all time: ${en} in English, ${fr} in French.`,
  insightsLanguage: 'Language',
  insightsLanguagePeriod: 'This period',

  insightsFirstActionTitle: 'Time to your team’s first action',
  insightsAutoReplyTitle: 'Time to the automatic reply',
  insightsSpeedSummary:
    'This period’s leads by urgency: the median wait (the bar) and the time 9 leads in 10 beat (the fainter bar behind it).',
  insightsSpeedNoData: 'No lead of this period had one.',
  insightsAllUrgencies: 'All leads',
  insightsMedian: 'Median',
  insightsP90: '90th percentile',
  insightsSpeedRow: (median: string, p90: string) => `${median} · 9 in 10 within ${p90}`,

  insightsConversionIntentTitle: 'Conversion by intent',
  insightsConversionLanguageTitle: 'Conversion by language',
  insightsConversionSummary: 'Leads of all time tagged Converted, of the leads of each.',
  insightsConversionRow: (rate: string, converted: string, leads: string) => `${rate} · ${converted} of ${leads}`,
  insightsRate: 'Rate',

  insightsTermsTitle: 'Engagement score, term by term',
  insightsTermsSummary: (score: string | null) =>
    score
      ? `Four scores out of 100, each a quarter of the engagement score (${score}).`
      : 'Four scores out of 100, each a quarter of the engagement score.',
  insightsTerms: {
    volume: 'Volume',
    speed: 'Speed',
    coverage: 'Reply coverage',
    conversion: 'Conversion',
  } satisfies Record<EngagementTermKey, string>,
  insightsTermInputs: {
    volume: (value: string) => `${value} leads this period`,
    speed: (value: string) => `median first action: ${value}`,
    coverage: (value: string) => `${value} answered automatically`,
    conversion: (value: string) => `${value} converted`,
  } satisfies Record<EngagementTermKey, (value: string) => string>,
  insightsNoInput: 'no lead acted on',
  insightsNotScored: 'Not scored',
  insightsTerm: 'Term',
  insightsInput: 'Input',
  insightsScore: 'Score',
  insightsWeight: 'Weight',

  insightsMethodTitle: 'How is this computed',
  insightsMethodIntro:
    'Every figure comes from your leads as they stand: nothing is estimated except the forecast. Shares are in percent, rounded to one decimal.',
  insightsMethodTerms: 'The engagement score of this period',
  insightsMethod: [
    {
      title: 'Which leads count',
      text: 'Every lead except deleted ones and those in the Spam folder (caught by the form’s bot check, spam, vendor pitches unless you marked them not spam). Archived leads count. Test leads are left out, except on a test account.',
    },
    {
      title: 'The period and the one before',
      text: 'A period runs from midnight on its first day to midnight after its last. Each change compares it with the period of the same length just before. The weekly charts use 7-day windows counted back from the end of the period, not calendar weeks. Urgency, tone, intents, languages and conversion by intent cover all your leads up to the end of the period.',
    },
    {
      title: 'Engagement score',
      text: 'The mean of four scores out of 100, each weighing a quarter. A score that cannot be computed (no lead this period) is left out of the mean.',
    },
    {
      title: 'Volume',
      text: 'Leads this period against your usual pace (the leads of the 4 weeks before, scaled to the length of the period): 50 + 50 × (leads − usual pace) ÷ usual pace, kept between 0 and 100. The same pace scores 50, twice the pace 100, none 0.',
    },
    {
      title: 'Speed',
      text: 'From the median minutes to a first action by your team (a tag, a note, archiving…): 100 × 120 ÷ (120 + median). At once scores 100, two hours 50. When no lead was acted on, 0.',
    },
    {
      title: 'Reply coverage',
      text: 'The share of the period’s leads that got the automatic reply: the score is that percentage.',
    },
    {
      title: 'Conversion',
      text: 'Five times the share of the period’s leads tagged Converted, at most 100: 20 % converted scores 100.',
    },
    {
      title: 'Speed to lead',
      text: 'The minutes from a lead’s arrival to its automatic reply, and to the first action by a person of your team. The median is the middle lead; the 90th percentile is the time 9 leads in 10 beat.',
    },
    {
      title: 'Conversion rates',
      text: 'The leads whose tag is Converted, divided by the leads counted, for the period and by intent and language.',
    },
    {
      title: 'Urgency trend',
      text: 'The share of High urgency among the period’s triaged leads, minus that share the period before, in percentage points.',
    },
    {
      title: 'Change of an intent',
      text: '(This period − the period before) ÷ the period before. “New” when the period before had none.',
    },
    {
      title: 'Sentiment score',
      text: 'The mean over the leads with a tone, each tone weighted: enthusiastic 100, friendly 90, professional 80, formal 70, casual 60, frustrated 0.',
    },
    {
      title: 'Triage confidence',
      text: 'The mean of the confidence of the triage (0 to 100 %) over the leads it read.',
    },
    {
      title: 'Forecast',
      text: 'The next 7 days, from at most 12 weekly windows of history after your first lead, with the range the count falls in 8 weeks in 10. It needs at least 2 weeks of history.',
    },
  ] satisfies MethodPart[],
  insightsBacktest: (error: string, weeks: number) =>
    `On the past ${weeks} weeks, the same forecast was off by ${error} leads a week on average.`,
};

export const INSIGHTS_STRINGS: { en: typeof en; fr: typeof en } = {
  en,
  fr: {
    insightsIntro: 'Comment vont vos clients potentiels, ce qui a changé et quoi faire.',
    insightsPeriod: 'Période',
    insightsPeriods: {
      week: 'Cette semaine',
      '4w': '4 dernières semaines',
      '12w': '12 dernières semaines',
      custom: 'Personnalisée',
    },
    insightsFrom: 'Premier jour',
    insightsTo: 'Dernier jour',
    insightsShowPeriod: 'Afficher cette période',
    insightsCustomIncomplete: 'Choisissez le premier et le dernier jour de la période.',
    insightsCustomReversed: 'Le dernier jour précède le premier\u00a0: inversez-les.',
    insightsPeriodRange: (range: string, days: number) =>
      `${range} (${days} ${days === 1 ? 'jour' : 'jours'}), comparé ${days === 1 ? 'au jour' : `aux ${days} jours`} d’avant.`,
    insightsAnalyzed: (when: string, engine: string | null) =>
      engine ? `Dernière analyse\u00a0: ${when}, par ${engine}.` : `Dernière analyse\u00a0: ${when}.`,
    insightsEngines: { openai: 'OpenAI', offline: 'les règles intégrées d’Avenir' },
    insightsLoadingPeriod: 'Chargement de la période…',

    insightsRefresh: 'Actualiser avec Growth Copilot',
    insightsRefreshWorking: 'Growth Copilot travaille…',
    insightsRefreshLimit: (limit: number, window: string, remaining: number) =>
      `${limit} ${limit === 1 ? 'actualisation' : 'actualisations'} ${window}, ${
        remaining === 0 ? 'il n’en reste aucune' : `il en reste ${remaining}`
      }.`,
    insightsPerWindow: (minutes: number) =>
      minutes === 60
        ? 'par heure'
        : minutes === 1440
          ? 'par jour'
          : minutes % 60 === 0
            ? `toutes les ${minutes / 60} heures`
            : `toutes les ${minutes} minutes`,
    insightsRefreshNext: (time: string) => `Prochaine possible à ${time}.`,
    insightsQueued: 'En file d’attente\u00a0: l’analyse commence dans un instant…',
    insightsRunning: 'Analyse de vos clients potentiels et rédaction des recommandations…',
    insightsProgress: 'Progression de l’analyse',
    insightsRefreshFailed:
      'L’analyse n’a pas pu se terminer. Les chiffres affichés viennent de la précédente\u00a0: réessayez dans quelques minutes.',
    insightsRefreshLimited: (time: string) => `Plus aucune actualisation pour l’instant. Réessayez à ${time}.`,
    insightsRefreshDone: (leads: string, count: number, score: string | null) =>
      `Nouvelle analyse prête\u00a0: ${leads} ${count < 2 ? 'client potentiel' : 'clients potentiels'} pour la période${
        score ? `, score d’engagement de ${score} sur 100` : ''
      }.`,

    insightsTestClient:
      'Ceci est un compte d’essai\u00a0: ces chiffres comprennent ses clients potentiels d’exemple et d’essai.',

    insightsEmptyTitle: 'Aucun client potentiel à analyser pour l’instant',
    insightsEmptyHelp:
      'Les analyses commencent avec vos premiers clients potentiels. Ajoutez le formulaire à votre site Web\u00a0: copiez son code dans les paramètres et collez-le là où le formulaire doit paraître. Les demandes arrivent quelques secondes après l’envoi, et la prochaine analyse en tient compte.',
    insightsEmptyAction: 'Ajouter le formulaire à votre site Web',
    insightsNeverTitle: 'Votre première analyse s’en vient',
    insightsNeverHelp:
      'Avenir analyse vos clients potentiels chaque lundi matin et vous envoie le résumé par courriel. Growth Copilot peut lancer l’analyse tout de suite.',

    insightsRecommendations: 'Quoi faire cette semaine',
    insightsRecommendationsFrom: (when: string) =>
      `Analyse du ${when}\u00a0: les conseils de Growth Copilot, avec les chiffres qui les appuient.`,
    insightsEvidence: 'Les chiffres qui l’appuient',
    insightsLinkTo: {
      inbox: 'Voir ces clients potentiels dans la boîte de réception',
      activity: 'Voir le journal d’activité',
      settings: 'Ouvrir les paramètres',
    },
    insightsNoRecommendations: 'Rien à changer cette semaine\u00a0: continuez comme ça\u00a0!',

    insightsKeyFigures: 'Chiffres clés',
    insightsLeads: 'Clients potentiels de la période',
    insightsLeadsNote: (previous: string, change: string | null) =>
      change ? `${previous} la période d’avant (${change})` : `${previous} la période d’avant`,
    insightsEngagement: 'Score d’engagement',
    insightsOutOf100: 'sur 100',
    insightsEngagementNote: 'Volume, rapidité, couverture des réponses et conversion',
    insightsSpeed: 'Rapidité de suivi',
    insightsSpeedNote: (auto: string) =>
      `Délai médian avant la première action de votre équipe. Réponse automatique\u00a0: ${auto}.`,
    insightsSpeedNone: 'Aucun client potentiel traité par votre équipe pendant la période.',
    insightsConversion: 'Conversion',
    insightsConversionNote: (converted: string, leads: string) => `${converted} sur ${leads} avec l’étiquette Converti`,
    insightsHowLink: 'Comment c’est calculé',

    insightsShowFigures: 'Afficher les chiffres',
    insightsTableOf: (title: string) => `${title}\u00a0: les chiffres`,
    insightsWeekOf: 'Semaine du',
    insightsLeadsColumn: 'Clients potentiels',
    insightsHighColumn: 'Urgence élevée',
    insightsConvertedColumn: 'Convertis',
    insightsVolumeTitle: 'Clients potentiels par semaine',
    insightsVolumeSummary: (total: string, weeks: number, last: string) =>
      `${total} clients potentiels en ${weeks} semaines, dont ${last} la dernière.`,
    insightsForecastSummary: (expected: string, low: string, high: string) =>
      ` 7 prochains jours\u00a0: environ ${expected} (probablement de ${low} à ${high}).`,
    insightsNoForecast: ' Trop peu d’historique pour une prévision pour l’instant.',
    insightsLegendLeads: 'Clients potentiels',
    insightsLegendHigh: 'Urgence élevée',
    insightsLegendForecast: 'Prévision et sa fourchette probable',
    insightsForecastRow: (week: string) => `${week} (prévision)`,
    insightsForecastRange: (low: string, high: string) => `De ${low} à ${high}`,
    insightsLikelyRange: 'Fourchette probable',

    insightsUrgencyTitle: 'Urgence',
    insightsUrgencySummary: 'Tous vos clients potentiels, par urgence.',
    insightsHighShare: (share: string) => ` Urgence élevée pendant la période\u00a0: ${share} des demandes triées`,
    insightsHighTrend: (points: string) => ` (${points} points par rapport à la période d’avant)`,
    insightsCount: 'Clients potentiels',
    insightsShare: 'Part',

    insightsToneTitle: 'Ton des messages',
    insightsToneSummary: (score: string | null) =>
      score
        ? `Tous vos clients potentiels, par ton. Score de sentiment\u00a0: ${score} sur 100.`
        : 'Tous vos clients potentiels, par ton.',
    insightsTone: 'Ton',

    insightsIntentsTitle: 'Intentions principales',
    insightsIntentsSummary:
      'Les cinq intentions les plus fréquentes depuis le début, et combien sont arrivées pendant la période par rapport à la période d’avant.',
    insightsThisPeriod: 'Cette période',
    insightsPeriodBefore: 'Période d’avant',
    insightsChange: 'Variation',
    insightsChangeNew: 'Nouvelle cette période',
    insightsChangeSame: 'Aucune variation',
    insightsChangeSr: (change: string) => `Variation par rapport à la période d’avant\u00a0: ${change}`,
    insightsPeriodCounts: (period: string, previous: string) =>
      `${period} pendant la période, ${previous} la période d’avant`,

    insightsConfidenceTitle: 'Confiance du triage',
    insightsConfidenceSummary: (mean: string | null) =>
      `La certitude du triage, semaine par semaine${
        mean ? ` (moyenne depuis le début\u00a0: ${mean})` : ''
      }. Un trou est une semaine sans demande triée.`,
    insightsMeanConfidence: 'Confiance moyenne',
    insightsTriagedLeads: 'Demandes triées',

    insightsLanguageTitle: 'Langue des clients potentiels',
    insightsLanguageSummary: (en: string, fr: string) => `Depuis le début\u00a0: ${en} en anglais, ${fr} en français.`,
    insightsLanguage: 'Langue',
    insightsLanguagePeriod: 'Cette période',

    insightsFirstActionTitle: 'Délai avant la première action de votre équipe',
    insightsAutoReplyTitle: 'Délai avant la réponse automatique',
    insightsSpeedSummary:
      'Les clients potentiels de la période, par urgence\u00a0: le délai médian (la barre) et le délai respecté pour 9 demandes sur 10 (la barre plus discrète derrière).',
    insightsSpeedNoData: 'Aucun client potentiel de la période n’en a eu.',
    insightsAllUrgencies: 'Tous',
    insightsMedian: 'Médiane',
    insightsP90: '90e centile',
    insightsSpeedRow: (median: string, p90: string) => `${median} · 9 sur 10 en ${p90} ou moins`,

    insightsConversionIntentTitle: 'Conversion par intention',
    insightsConversionLanguageTitle: 'Conversion par langue',
    insightsConversionSummary: 'Part des clients potentiels avec l’étiquette Converti, depuis le début.',
    insightsConversionRow: (rate: string, converted: string, leads: string) => `${rate} · ${converted} sur ${leads}`,
    insightsRate: 'Taux',

    insightsTermsTitle: 'Score d’engagement, terme par terme',
    insightsTermsSummary: (score: string | null) =>
      score
        ? `Quatre scores sur 100, comptant chacun pour le quart du score d’engagement (${score}).`
        : 'Quatre scores sur 100, comptant chacun pour le quart du score d’engagement.',
    insightsTerms: {
      volume: 'Volume',
      speed: 'Rapidité',
      coverage: 'Couverture des réponses',
      conversion: 'Conversion',
    },
    insightsTermInputs: {
      volume: (value: string) => `${value} clients potentiels pendant la période`,
      speed: (value: string) => `première action médiane\u00a0: ${value}`,
      coverage: (value: string) => `${value} ont reçu la réponse automatique`,
      conversion: (value: string) => `${value} convertis`,
    },
    insightsNoInput: 'aucune demande traitée',
    insightsNotScored: 'Non calculé',
    insightsTerm: 'Terme',
    insightsInput: 'Donnée',
    insightsScore: 'Score',
    insightsWeight: 'Poids',

    insightsMethodTitle: 'Comment c’est calculé',
    insightsMethodIntro:
      'Chaque chiffre vient de vos clients potentiels tels qu’ils sont\u00a0: rien n’est estimé, sauf la prévision. Les parts sont en pourcentage, arrondies à une décimale.',
    insightsMethodTerms: 'Le score d’engagement de la période',
    insightsMethod: [
      {
        title: 'Les clients potentiels comptés',
        text: 'Tous, sauf ceux qui sont supprimés et ceux du dossier Pourriels (arrêtés par la vérification anti-robot du formulaire, pourriels, sollicitations commerciales, sauf si vous avez indiqué que ce n’en était pas). Les clients potentiels archivés comptent. Les essais ne comptent pas, sauf dans un compte d’essai.',
      },
      {
        title: 'La période et la précédente',
        text: 'Une période va de minuit le premier jour à minuit après le dernier. Chaque variation la compare à la période de même durée juste avant. Les graphiques hebdomadaires utilisent des fenêtres de 7 jours comptées à rebours depuis la fin de la période, pas des semaines du calendrier. L’urgence, le ton, les intentions, les langues et la conversion par intention portent sur tous vos clients potentiels jusqu’à la fin de la période.',
      },
      {
        title: 'Score d’engagement',
        text: 'La moyenne de quatre scores sur 100, comptant chacun pour le quart. Un score impossible à calculer (aucun client potentiel pendant la période) est laissé de côté.',
      },
      {
        title: 'Volume',
        text: 'Les clients potentiels de la période par rapport à votre rythme habituel (ceux des 4 semaines d’avant, ramenés à la durée de la période)\u00a0: 50 + 50 × (demandes − rythme habituel) ÷ rythme habituel, borné entre 0 et 100. Le même rythme donne 50, le double 100, aucune demande 0.',
      },
      {
        title: 'Rapidité',
        text: 'À partir du nombre médian de minutes avant une première action de votre équipe (une étiquette, une note, un archivage…)\u00a0: 100 × 120 ÷ (120 + médiane). Tout de suite donne 100, deux heures 50. Si aucune demande n’a été traitée, 0.',
      },
      {
        title: 'Couverture des réponses',
        text: 'La part des clients potentiels de la période qui ont reçu la réponse automatique\u00a0: le score est ce pourcentage.',
      },
      {
        title: 'Conversion',
        text: 'Cinq fois la part des clients potentiels de la période avec l’étiquette Converti, au plus 100\u00a0: 20\u00a0% de conversion donne 100.',
      },
      {
        title: 'Rapidité de suivi',
        text: 'Les minutes entre l’arrivée d’une demande et sa réponse automatique, puis la première action d’une personne de votre équipe. La médiane est la demande du milieu\u00a0; le 90e centile est le délai respecté pour 9 demandes sur 10.',
      },
      {
        title: 'Taux de conversion',
        text: 'Les clients potentiels dont l’étiquette est Converti, divisés par les clients potentiels comptés, pour la période, par intention et par langue.',
      },
      {
        title: 'Tendance de l’urgence',
        text: 'La part d’urgence élevée parmi les demandes triées de la période, moins cette part la période d’avant, en points de pourcentage.',
      },
      {
        title: 'Variation d’une intention',
        text: '(Cette période − la période d’avant) ÷ la période d’avant. «\u00a0Nouvelle\u00a0» quand la période d’avant n’en avait aucune.',
      },
      {
        title: 'Score de sentiment',
        text: 'La moyenne sur les clients potentiels dont le ton est connu, chaque ton pondéré\u00a0: enthousiaste 100, amical 90, professionnel 80, formel 70, décontracté 60, frustré 0.',
      },
      {
        title: 'Confiance du triage',
        text: 'La moyenne de la confiance du triage (de 0 à 100\u00a0%) sur les demandes qu’il a lues.',
      },
      {
        title: 'Prévision',
        text: 'Les 7 prochains jours, à partir d’au plus 12 semaines d’historique après votre premier client potentiel, avec la fourchette où tombe le nombre 8 semaines sur 10. Il faut au moins 2 semaines d’historique.',
      },
    ],
    insightsBacktest: (error: string, weeks: number) =>
      `Sur les ${weeks} dernières semaines, la même prévision s’est trompée de ${error} demandes par semaine en moyenne.`,
  },
};

// Loaded with the screen that uses it (see i18n.ts).
addStrings(INSIGHTS_STRINGS);
