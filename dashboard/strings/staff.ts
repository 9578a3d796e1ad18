import type { AbDecision, CorrectableField } from '../../schema/learning-api';
import type { EvolutionType, MetricSource } from '../../schema/vocabulary';
import { addStrings } from '../i18n';

/**
 * The learning loop's staff screens: Learning, Prompts and System (dashboard/staff-*.tsx),
 * internal accounts only; `fr` is typed by `en`. Their names in the navigation are the
 * shell's (i18n.ts). French: no-break spaces before : ; ? ! and in numbers, ’ apostrophes.
 */

const NBSP = '\u00a0';

/** The rows of an A/B test's arms table (dashboard/staff-prompts.tsx). */
type ArmRow =
  | 'executions'
  | 'corrections'
  | 'conversions'
  | 'quality'
  | 'consistency'
  | 'completeness'
  | 'latency'
  | 'tokens'
  | 'cost';

const en = {
  staffPeriod: 'Period',
  staffDays: (n: number) => (n === 1 ? 'Today' : `${n} days`),
  staffLastDays: (n: number) => (n === 1 ? 'Today (UTC)' : `Last ${n} days (UTC)`),
  staffShowFigures: 'Show the figures',
  staffTableOf: (title: string) => `${title}: the figures`,
  staffDay: 'Day (UTC)',
  staffKeyFigures: 'Key figures',
  staffEngines: { openai: 'OpenAI', offline: 'Offline engine' } as Record<'openai' | 'offline', string>,

  // Learning
  staffLearningIntro:
    'How often the AI’s triage stands once clients act on their leads, across every client (test leads left out).',
  staffPredictions: 'Predictions',
  staffJudged: 'Judged',
  staffJudgedNote: 'Resolved by a correction, confirmation, conversion or spam verdict',
  staffCorrected: 'Corrected',
  staffCorrectedNote: 'A client changed at least one field',
  staffCorrectionRate: 'Correction rate',
  staffCorrectionRateNote: 'Corrected ÷ judged',
  staffNothingJudged: 'No judged prediction in this period',
  staffNothingJudgedHelp:
    'A prediction is judged when the client corrects, confirms or converts the lead. Archived leads and leads nobody touched for 30 days say nothing of the triage.',
  staffAccuracyTitle: 'Accuracy by engine',
  staffAccuracySummary: (engines: { engine: string; accuracy: string }[]) =>
    `Share of the four fields (intent, urgency, tone, language) that stood, per day of triage. Over the period: ${engines
      .map((item) => `${item.engine} ${item.accuracy}`)
      .join(', ')}.`,
  staffAccuracyCell: (accuracy: string, judged: number) => `${accuracy} (${judged} judged)`,
  staffAccuracy: 'Accuracy',
  staffByVariantTitle: 'By prompt variant',
  staffByVariantSummary: 'The variant each lead was given; the offline engine ignores it.',
  staffVariant: 'Variant',
  staffConfusionTitle: 'Predicted intent vs the client’s',
  staffConfusionSummary: (stood: string, total: string) =>
    `${stood} of ${total} judged predictions kept their intent (the diagonal). Rows: what the AI said; columns: what the client set.`,
  staffConfusionCaption: 'Judged predictions by predicted intent (rows) and the intent the client set (columns)',
  staffConfusionCorner: 'Predicted ↓ · Client →',
  staffConfusionCell: (predicted: string, actual: string) => `Predicted ${predicted}, client set ${actual}`,
  staffFeedTitle: 'Latest corrections',
  staffFeedHelp: 'The last 50 predictions a client corrected, newest first.',
  staffFeedEmpty: 'No correction in this period.',
  staffChanges: 'What the client changed',
  staffBecame: 'became',
  staffFields: { intent: 'Intent', urgency: 'Urgency', tone: 'Tone', language: 'Language' } as Record<
    CorrectableField,
    string
  >,

  // Prompts
  staffPromptsIntro:
    'Every variant of every prompt, the A/B tests between them and where each came from. Edit a variant to make a new child, then test it against its parent.',
  staffNoEvolve: 'Mutation and crossover need OpenAI: set OPENAI_API_KEY to evolve variants with the AI.',
  staffTestsTitle: 'A/B tests',
  staffTestsHelp: 'Each arm’s figures at the last look, and where the test stands.',
  staffNoTests: 'No A/B test yet.',
  staffDecisions: {
    draft: 'Draft',
    collecting: 'Collecting',
    winner: 'Winner found',
    inconclusive: 'Inconclusive',
    cancelled: 'Cancelled',
  } as Record<AbDecision, string>,
  staffPromptOf: (name: string, language: string) => `${name} · ${language}`,
  staffStarted: (date: string) => `Started ${date}`,
  staffEnded: (date: string) => `Ended ${date}`,
  staffTestRules: (sample: string, days: number, alpha: string) =>
    `At least ${sample} per arm, at most ${days} days, significance ${alpha}`,
  staffPValue: (value: string) => `p-value: ${value}`,
  staffNoLookYet: 'No figures yet: the first look has not run.',
  staffMetric: 'Figure',
  staffArms: { control: 'Control', treatment: 'Treatment' } as Record<'control' | 'treatment', string>,
  staffArmsCaption: (name: string) => `${name}: each arm’s figures`,
  staffWinner: 'Winner',
  staffMetrics: {
    executions: 'Executions',
    corrections: 'Corrected (of judged)',
    conversions: 'Converted (of executions)',
    quality: 'Quality',
    consistency: 'Consistency',
    completeness: 'Completeness',
    latency: 'Latency (median)',
    tokens: 'Tokens (mean)',
    cost: 'Cost',
  } as Record<ArmRow, string>,
  staffRateOf: (rate: string, part: string, whole: string) => `${rate} (${part}${NBSP}/${NBSP}${whole})`,
  staffLookNow: 'Look now',
  staffLooked: (name: string) => `${name}: figures updated.`,
  staffCancelTest: 'Cancel the test',
  staffCancelTitle: (name: string) => `Cancel ${name}?`,
  staffCancelHelp: 'New leads will get the variant in use again. The figures so far are kept.',
  staffCancelConfirm: 'Cancel the test',
  staffKeepTest: 'Keep it running',
  staffCancelled: (name: string) => `${name} was cancelled.`,
  staffVariantsTitle: 'Variants',
  staffVariantsHelp:
    'Outside a test, new leads get the best-scoring active variant of their prompt and language, the newest among equals (“In use”).',
  staffInUse: 'In use',
  staffInTest: 'In a test',
  staffInactive: 'Inactive',
  staffVersion: (n: number) => `Version ${n}`,
  staffScore: (value: string) => `Score ${value}`,
  staffUsage: (n: string) => `Used ${n} times`,
  staffParent: (id: string) => `Child of ${id}`,
  staffNoParent: 'Original',
  staffCreated: (date: string) => `Created ${date}`,
  staffShowText: 'Show the text',
  staffEdit: 'Edit',
  staffEditOf: (id: string) => `Edit ${id}`,
  staffEvolve: 'Evolve',
  staffEvolveOf: (id: string) => `Evolve ${id}`,
  staffEditTitle: (id: string) => `Edit ${id}`,
  staffEditLabel: 'Prompt text',
  staffEditHelp: 'Saving makes a new variant, a child of this one; this one stays as it is.',
  staffEditUnchanged: 'Change the text before saving.',
  staffSaveChild: 'Save as a new variant',
  staffSaving: 'Saving…',
  staffDiscard: 'Cancel',
  staffEditedTitle: (id: string) => `${id} is saved`,
  staffEditedHelp: (parent: string) =>
    `It is a child of ${parent}. Test it against its parent: new leads will be split between the two.`,
  staffTestAgainstParent: 'Test against its parent',
  staffLater: 'Not now',
  staffTestStarted: (name: string) => `${name} has started.`,
  staffEvolveTitle: (id: string) => `Evolve ${id}`,
  staffEvolveHow: 'How',
  staffMutation: 'Mutation: the AI rewrites it from its corrections',
  staffCrossover: 'Crossover: the AI combines it with another variant',
  staffCrossWith: 'Combine with',
  staffEvolveRun: 'Evolve',
  staffEvolving: 'Evolving…',
  staffEvolved: (id: string) => `A new child of ${id} is ready.`,
  staffTreeTitle: 'Lineage',
  staffTreeHelp: 'Each variant under the one it came from.',
  staffTreeEmpty: 'No variant has a parent yet.',
  staffEvolutionTypes: {
    mutation: 'Mutation',
    crossover: 'Crossover',
    optimization: 'Optimization',
    manual_edit: 'Manual edit',
  } as Record<EvolutionType, string>,
  staffImprovement: (value: string) => `improvement ${value}`,

  // System
  staffSystemIntro:
    'Response times, errors and AI fallbacks of each component, from performance_metrics (days older than 30 are daily summaries).',
  staffOverviewTitle: (days: number) => (days === 1 ? 'Today, by component' : `Last ${days} days, by component`),
  staffOverviewHelp: 'Errors are failed calls over all calls; fallbacks are AI calls the offline engine answered.',
  staffComponent: 'Component',
  staffComponents: {
    lead_api: 'Lead API',
    intelligence_engine: 'AI engine',
    translation_service: 'Translation',
    mailer: 'Mail',
    queue: 'Queue',
  } as Record<MetricSource, string>,
  staffCalls: 'Calls',
  staffP50: 'Median (p50)',
  staffP95: '95th percentile (p95)',
  staffErrorRate: 'Errors',
  staffFallbackRate: 'Fallbacks',
  staffCallsPerDay: 'Calls per day',
  staffNoCalls: 'No call in this period.',
  staffComponentSummary: (calls: string, p50: string, p95: string, errors: string, fallbacks: string | null) =>
    `${calls} calls; median ${p50}, 95th percentile ${p95}; errors ${errors}${fallbacks === null ? '' : `; fallbacks ${fallbacks}`}.`,
};

export const STAFF_STRINGS: { en: typeof en; fr: typeof en } = {
  en,
  fr: {
    staffPeriod: 'Période',
    staffDays: (n: number) => (n === 1 ? 'Aujourd’hui' : `${n}${NBSP}jours`),
    staffLastDays: (n: number) => (n === 1 ? 'Aujourd’hui (UTC)' : `${n}${NBSP}derniers jours (UTC)`),
    staffShowFigures: 'Afficher les chiffres',
    staffTableOf: (title: string) => `${title}${NBSP}: les chiffres`,
    staffDay: 'Jour (UTC)',
    staffKeyFigures: 'Chiffres clés',
    staffEngines: { openai: 'OpenAI', offline: 'Moteur hors ligne' },

    staffLearningIntro:
      'À quelle fréquence l’analyse de l’IA tient une fois que les clients ont traité leurs demandes, tous clients confondus (demandes d’essai exclues).',
    staffPredictions: 'Prédictions',
    staffJudged: 'Jugées',
    staffJudgedNote: 'Tranchées par une correction, une confirmation, une conversion ou un verdict de pourriel',
    staffCorrected: 'Corrigées',
    staffCorrectedNote: 'Un client a changé au moins un champ',
    staffCorrectionRate: 'Taux de correction',
    staffCorrectionRateNote: 'Corrigées ÷ jugées',
    staffNothingJudged: 'Aucune prédiction jugée pendant cette période',
    staffNothingJudgedHelp: `Une prédiction est jugée quand le client corrige, confirme ou convertit la demande. Les demandes archivées et celles que personne n’a touchées en 30${NBSP}jours ne disent rien de l’analyse.`,
    staffAccuracyTitle: 'Exactitude par moteur',
    staffAccuracySummary: (engines: { engine: string; accuracy: string }[]) =>
      `Part des quatre champs (intention, urgence, ton, langue) qui ont tenu, par jour d’analyse. Sur la période${NBSP}: ${engines
        .map((item) => `${item.engine} ${item.accuracy}`)
        .join(', ')}.`,
    staffAccuracyCell: (accuracy: string, judged: number) => `${accuracy} (${judged}${NBSP}jugées)`,
    staffAccuracy: 'Exactitude',
    staffByVariantTitle: 'Par variante d’invite',
    staffByVariantSummary: 'La variante reçue par chaque demande; le moteur hors ligne n’en tient pas compte.',
    staffVariant: 'Variante',
    staffConfusionTitle: 'Intention prédite et intention du client',
    staffConfusionSummary: (stood: string, total: string) =>
      `${stood} prédictions jugées sur ${total} ont gardé leur intention (la diagonale). Lignes${NBSP}: ce que l’IA a dit; colonnes${NBSP}: ce que le client a choisi.`,
    staffConfusionCaption:
      'Prédictions jugées selon l’intention prédite (lignes) et l’intention choisie par le client (colonnes)',
    staffConfusionCorner: 'Prédite ↓ · Client →',
    staffConfusionCell: (predicted: string, actual: string) => `Prédite${NBSP}: ${predicted}; client${NBSP}: ${actual}`,
    staffFeedTitle: 'Dernières corrections',
    staffFeedHelp: 'Les 50 dernières prédictions corrigées par un client, de la plus récente à la plus ancienne.',
    staffFeedEmpty: 'Aucune correction pendant cette période.',
    staffChanges: 'Ce que le client a changé',
    staffBecame: 'est devenu',
    staffFields: { intent: 'Intention', urgency: 'Urgence', tone: 'Ton', language: 'Langue' },

    staffPromptsIntro:
      'Chaque variante de chaque invite, les tests A/B entre elles et leur origine. Modifiez une variante pour en créer une nouvelle, puis testez-la contre sa variante mère.',
    staffNoEvolve: `La mutation et le croisement exigent OpenAI${NBSP}: définissez OPENAI_API_KEY pour faire évoluer les variantes avec l’IA.`,
    staffTestsTitle: 'Tests A/B',
    staffTestsHelp: 'Les chiffres de chaque groupe au dernier examen, et où en est le test.',
    staffNoTests: 'Aucun test A/B pour l’instant.',
    staffDecisions: {
      draft: 'Brouillon',
      collecting: 'Collecte en cours',
      winner: 'Gagnante trouvée',
      inconclusive: 'Non concluant',
      cancelled: 'Annulé',
    },
    staffPromptOf: (name: string, language: string) => `${name} · ${language}`,
    staffStarted: (date: string) => `Commencé le ${date}`,
    staffEnded: (date: string) => `Terminé le ${date}`,
    staffTestRules: (sample: string, days: number, alpha: string) =>
      `Au moins ${sample} par groupe, au plus ${days}${NBSP}jours, seuil de signification ${alpha}`,
    staffPValue: (value: string) => `Valeur p${NBSP}: ${value}`,
    staffNoLookYet: `Pas encore de chiffres${NBSP}: le premier examen n’a pas eu lieu.`,
    staffMetric: 'Mesure',
    staffArms: { control: 'Témoin', treatment: 'Essai' },
    staffArmsCaption: (name: string) => `${name}${NBSP}: les chiffres de chaque groupe`,
    staffWinner: 'Gagnante',
    staffMetrics: {
      executions: 'Exécutions',
      corrections: 'Corrigées (sur les jugées)',
      conversions: 'Converties (sur les exécutions)',
      quality: 'Qualité',
      consistency: 'Constance',
      completeness: 'Complétude',
      latency: 'Latence (médiane)',
      tokens: 'Jetons (moyenne)',
      cost: 'Coût',
    },
    staffRateOf: (rate: string, part: string, whole: string) => `${rate} (${part}${NBSP}sur${NBSP}${whole})`,
    staffLookNow: 'Examiner maintenant',
    staffLooked: (name: string) => `${name}${NBSP}: chiffres mis à jour.`,
    staffCancelTest: 'Annuler le test',
    staffCancelTitle: (name: string) => `Annuler ${name}${NBSP}?`,
    staffCancelHelp:
      'Les nouvelles demandes recevront de nouveau la variante en usage. Les chiffres obtenus sont conservés.',
    staffCancelConfirm: 'Annuler le test',
    staffKeepTest: 'Le poursuivre',
    staffCancelled: (name: string) => `${name} a été annulé.`,
    staffVariantsTitle: 'Variantes',
    staffVariantsHelp: `Hors test, les nouvelles demandes reçoivent la variante active la mieux notée de leur invite et de leur langue, la plus récente à égalité («${NBSP}En usage${NBSP}»).`,
    staffInUse: 'En usage',
    staffInTest: 'En test',
    staffInactive: 'Inactive',
    staffVersion: (n: number) => `Version ${n}`,
    staffScore: (value: string) => `Note ${value}`,
    staffUsage: (n: string) => `Utilisée ${n}${NBSP}fois`,
    staffParent: (id: string) => `Issue de ${id}`,
    staffNoParent: 'Originale',
    staffCreated: (date: string) => `Créée le ${date}`,
    staffShowText: 'Afficher le texte',
    staffEdit: 'Modifier',
    staffEditOf: (id: string) => `Modifier ${id}`,
    staffEvolve: 'Faire évoluer',
    staffEvolveOf: (id: string) => `Faire évoluer ${id}`,
    staffEditTitle: (id: string) => `Modifier ${id}`,
    staffEditLabel: 'Texte de l’invite',
    staffEditHelp: 'L’enregistrement crée une nouvelle variante, issue de celle-ci; celle-ci reste telle quelle.',
    staffEditUnchanged: 'Modifiez le texte avant d’enregistrer.',
    staffSaveChild: 'Enregistrer comme nouvelle variante',
    staffSaving: 'Enregistrement…',
    staffDiscard: 'Annuler',
    staffEditedTitle: (id: string) => `${id} est enregistrée`,
    staffEditedHelp: (parent: string) =>
      `Elle est issue de ${parent}. Testez-la contre sa variante mère${NBSP}: les nouvelles demandes seront réparties entre les deux.`,
    staffTestAgainstParent: 'Tester contre sa variante mère',
    staffLater: 'Pas maintenant',
    staffTestStarted: (name: string) => `${name} a commencé.`,
    staffEvolveTitle: (id: string) => `Faire évoluer ${id}`,
    staffEvolveHow: 'Comment',
    staffMutation: `Mutation${NBSP}: l’IA la réécrit à partir de ses corrections`,
    staffCrossover: `Croisement${NBSP}: l’IA la combine avec une autre variante`,
    staffCrossWith: 'Combiner avec',
    staffEvolveRun: 'Faire évoluer',
    staffEvolving: 'Évolution en cours…',
    staffEvolved: (id: string) => `Une nouvelle variante issue de ${id} est prête.`,
    staffTreeTitle: 'Filiation',
    staffTreeHelp: 'Chaque variante sous celle dont elle est issue.',
    staffTreeEmpty: 'Aucune variante n’a encore de variante mère.',
    staffEvolutionTypes: {
      mutation: 'Mutation',
      crossover: 'Croisement',
      optimization: 'Optimisation',
      manual_edit: 'Modification manuelle',
    },
    staffImprovement: (value: string) => `amélioration ${value}`,

    staffSystemIntro: `Temps de réponse, erreurs et relais de l’IA de chaque composant, tirés de performance_metrics (au-delà de 30${NBSP}jours, des résumés quotidiens).`,
    staffOverviewTitle: (days: number) =>
      days === 1 ? 'Aujourd’hui, par composant' : `${days}${NBSP}derniers jours, par composant`,
    staffOverviewHelp:
      'Les erreurs sont les appels échoués sur l’ensemble des appels; les relais, les appels à l’IA auxquels le moteur hors ligne a répondu.',
    staffComponent: 'Composant',
    staffComponents: {
      lead_api: 'API des demandes',
      intelligence_engine: 'Moteur d’IA',
      translation_service: 'Traduction',
      mailer: 'Courriel',
      queue: 'File d’attente',
    },
    staffCalls: 'Appels',
    staffP50: 'Médiane (p50)',
    staffP95: '95ᵉ centile (p95)',
    staffErrorRate: 'Erreurs',
    staffFallbackRate: 'Relais',
    staffCallsPerDay: 'Appels par jour',
    staffNoCalls: 'Aucun appel pendant cette période.',
    staffComponentSummary: (calls: string, p50: string, p95: string, errors: string, fallbacks: string | null) =>
      `${calls}${NBSP}appels; médiane ${p50}, 95ᵉ centile ${p95}; erreurs ${errors}${fallbacks === null ? '' : `; relais ${fallbacks}`}.`,
  },
};

// Loaded with the screens that use it (see i18n.ts).
addStrings(STAFF_STRINGS);
