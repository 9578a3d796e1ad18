import { type SQL, sql } from 'drizzle-orm';
import { type IntentKey, intentOf, isSpamFolderIntent, LEAD_TONES } from '../../schema/vocabulary';

/**
 * A dashboard's worth of leads, generated inside the database in one INSERT … SELECT per
 * client (generate_series: nothing crosses the wire but the statement). The variety is
 * what the inbox's filters and search meet in production: bilingual names and messages
 * from a few dozen templates with random words added (so a word matches a realistic
 * share of leads, not all or none), most leads triaged, some tagged, archived, deleted
 * or test leads, spread over two years.
 */

/** A job topic: the message a visitor writes about it in each language, and the summary's words. */
interface Topic {
  en: string;
  fr: string;
  aboutEn: string;
  aboutFr: string;
}

const TOPICS: readonly Topic[] = [
  {
    en: 'Hi, I would like a quote to redo the roof of my bungalow. The shingles are curling and we had a small leak in the attic after the last storm. Could someone come by next week?',
    fr: "Bonjour, j'aimerais une soumission pour refaire la toiture de mon bungalow. Les bardeaux retroussent et on a eu une petite infiltration dans l'entretoit après la dernière tempête. Quelqu'un pourrait passer la semaine prochaine?",
    aboutEn: 'a roof replacement',
    aboutFr: 'une réfection de toiture',
  },
  {
    en: 'Our kitchen sink drains very slowly and there is a smell coming from the basement floor drain. We need a plumber as soon as possible, ideally before the weekend.',
    fr: "L'évier de cuisine se vide très lentement et il y a une odeur qui vient du drain de plancher au sous-sol. On a besoin d'un plombier le plus vite possible, idéalement avant la fin de semaine.",
    aboutEn: 'a slow drain and a basement smell',
    aboutFr: 'un drain lent et une odeur au sous-sol',
  },
  {
    en: 'We are planning a full kitchen renovation this spring: new cabinets, quartz countertops, and moving the island. Do you offer design help and what would be a rough budget?',
    fr: "On planifie une rénovation complète de la cuisine ce printemps : nouvelles armoires, comptoirs de quartz et déplacer l'îlot. Offrez-vous de l'aide à la conception et quel serait un budget approximatif?",
    aboutEn: 'a full kitchen renovation',
    aboutFr: 'une rénovation complète de cuisine',
  },
  {
    en: 'I would like to install a heat pump in a two-storey house of about 1,800 square feet. Are there government subsidies you can help with, and how long is the installation?',
    fr: "Je voudrais faire installer une thermopompe dans une maison à étages d'environ 1 800 pieds carrés. Y a-t-il des subventions que vous pouvez nous aider à obtenir, et combien de temps dure l'installation?",
    aboutEn: 'a heat pump installation',
    aboutFr: "l'installation d'une thermopompe",
  },
  {
    en: 'The electrical panel in our duplex is from the seventies and the insurer asks us to replace it. Can you give us a price for a 200 amp panel and the permit?',
    fr: "Le panneau électrique de notre duplex date des années soixante-dix et l'assureur nous demande de le remplacer. Pouvez-vous nous donner un prix pour un panneau de 200 ampères et le permis?",
    aboutEn: 'an electrical panel upgrade',
    aboutFr: 'le remplacement du panneau électrique',
  },
  {
    en: 'Looking for weekly lawn care and a spring cleanup for a corner lot. We also want to redo the flower beds along the driveway. What are your rates for the season?',
    fr: "On cherche un entretien de pelouse hebdomadaire et un nettoyage du printemps pour un terrain de coin. On veut aussi refaire les plates-bandes le long de l'entrée. Quels sont vos tarifs pour la saison?",
    aboutEn: 'seasonal lawn care',
    aboutFr: "l'entretien de pelouse pour la saison",
  },
  {
    en: 'Can you book me for a furnace maintenance visit? The system makes a loud noise when it starts and the house does not get warm enough upstairs.',
    fr: "Pouvez-vous me donner un rendez-vous pour l'entretien de la fournaise? Le système fait un gros bruit au démarrage et la maison ne se réchauffe pas assez à l'étage.",
    aboutEn: 'a furnace maintenance visit',
    aboutFr: "l'entretien de la fournaise",
  },
  {
    en: 'We manage six commercial buildings in Laval and are looking for a cleaning company for offices and common areas, five evenings a week. Could we meet to discuss a contract?',
    fr: "Nous gérons six immeubles commerciaux à Laval et cherchons une entreprise d'entretien ménager pour les bureaux et les aires communes, cinq soirs par semaine. Pourrions-nous nous rencontrer pour discuter d'un contrat?",
    aboutEn: 'a commercial cleaning contract',
    aboutFr: "un contrat d'entretien ménager commercial",
  },
  {
    en: 'The invoice I received last month charges the service call twice. Could someone from billing check it and send me a corrected invoice please?',
    fr: "La facture reçue le mois dernier compte deux fois les frais de déplacement. Quelqu'un à la facturation pourrait-il vérifier et m'envoyer une facture corrigée s'il vous plaît?",
    aboutEn: 'a billing error on an invoice',
    aboutFr: 'une erreur sur une facture',
  },
  {
    en: 'Your technician came on Tuesday but the water heater is leaking again. I am quite frustrated, this is the second visit and nobody called me back.',
    fr: "Votre technicien est venu mardi mais le chauffe-eau coule encore. Je suis assez découragé, c'est la deuxième visite et personne ne m'a rappelé.",
    aboutEn: 'a water heater that leaks again after a visit',
    aboutFr: 'un chauffe-eau qui coule encore après une visite',
  },
  {
    en: 'I am a licensed carpenter with eight years of experience in residential renovation and I would like to apply for a position on your team. My resume is available on request.',
    fr: "Je suis menuisier avec carte de compétence et huit ans d'expérience en rénovation résidentielle et j'aimerais poser ma candidature dans votre équipe. Mon CV est disponible sur demande.",
    aboutEn: 'a job application from a carpenter',
    aboutFr: "une candidature d'un menuisier",
  },
  {
    en: 'We help contractors get more reviews and rank first on Google Maps. Would you have fifteen minutes this week for a short demo of our platform?',
    fr: "Nous aidons les entrepreneurs à obtenir plus d'avis et à se classer premiers sur Google Maps. Auriez-vous quinze minutes cette semaine pour une courte démo de notre plateforme?",
    aboutEn: 'a marketing platform pitch',
    aboutFr: "l'offre d'une plateforme de marketing",
  },
  {
    en: 'Our basement flooded during the spring thaw. There is about two inches of water and the carpet is soaked. Do you do emergency water damage cleanup?',
    fr: "Notre sous-sol a été inondé pendant le dégel du printemps. Il y a environ deux pouces d'eau et le tapis est trempé. Faites-vous le nettoyage d'urgence après dégât d'eau?",
    aboutEn: 'an emergency basement flood cleanup',
    aboutFr: "un nettoyage d'urgence après une inondation au sous-sol",
  },
  {
    en: 'We would like to replace eight windows and the patio door of our cottage with energy efficient models. Do you offer financing and what is the delay for delivery?',
    fr: 'On aimerait remplacer huit fenêtres et la porte-patio de notre chalet par des modèles écoénergétiques. Offrez-vous du financement et quel est le délai de livraison?',
    aboutEn: 'replacing windows and a patio door',
    aboutFr: "le remplacement de fenêtres et d'une porte-patio",
  },
  {
    en: 'Just wanted to say the crew did an excellent job on our deck last month. Clean, on time and very polite. We will recommend you to our neighbours.',
    fr: "Je voulais simplement dire que l'équipe a fait un excellent travail sur notre terrasse le mois dernier. Propre, à l'heure et très polie. On va vous recommander à nos voisins.",
    aboutEn: 'praise for a deck built last month',
    aboutFr: 'des félicitations pour une terrasse construite le mois dernier',
  },
  {
    en: 'Do you work on the South Shore? I need someone to repaint the interior of a condo, three bedrooms and the living room, before we move in at the end of the month.',
    fr: "Travaillez-vous sur la Rive-Sud? J'ai besoin de quelqu'un pour repeindre l'intérieur d'un condo, trois chambres et le salon, avant qu'on emménage à la fin du mois.",
    aboutEn: 'interior painting of a condo',
    aboutFr: "la peinture intérieure d'un condo",
  },
  {
    en: 'The air conditioner stopped working during the heat wave and we have a newborn at home. Can a technician come today or tomorrow morning?',
    fr: "Le climatiseur a arrêté de fonctionner pendant la canicule et on a un nouveau-né à la maison. Un technicien peut-il passer aujourd'hui ou demain matin?",
    aboutEn: 'an air conditioner failure during a heat wave',
    aboutFr: 'une panne de climatiseur pendant la canicule',
  },
  {
    en: 'We are building a garage next to the house and need a quote for the concrete slab, the framing and the garage door. Plans are approved by the city.',
    fr: "On construit un garage à côté de la maison et on a besoin d'une soumission pour la dalle de béton, la charpente et la porte de garage. Les plans sont approuvés par la ville.",
    aboutEn: 'building a detached garage',
    aboutFr: "la construction d'un garage",
  },
  {
    en: 'I have a question about the warranty on the bathroom you renovated two years ago. A few tiles in the shower are cracked. Is that covered?',
    fr: "J'ai une question sur la garantie de la salle de bain que vous avez rénovée il y a deux ans. Quelques tuiles de la douche sont fissurées. Est-ce couvert?",
    aboutEn: 'the warranty on cracked shower tiles',
    aboutFr: 'la garantie pour des tuiles de douche fissurées',
  },
  {
    en: 'Hello, what are your opening hours during the holidays, and do you still sell gift certificates for maintenance visits?',
    fr: "Bonjour, quelles sont vos heures d'ouverture pendant les fêtes, et vendez-vous encore des certificats-cadeaux pour des visites d'entretien?",
    aboutEn: 'holiday opening hours and gift certificates',
    aboutFr: "les heures d'ouverture des fêtes et les certificats-cadeaux",
  },
  {
    en: 'We are a property management firm in Quebec City looking for a preferred supplier for snow removal on twelve residential lots. Can we discuss a partnership?',
    fr: 'Nous sommes une firme de gestion immobilière à Québec et cherchons un fournisseur privilégié pour le déneigement de douze terrains résidentiels. Pouvons-nous discuter d’un partenariat?',
    aboutEn: 'a snow removal partnership',
    aboutFr: 'un partenariat de déneigement',
  },
  {
    en: 'Need an estimate to insulate the attic and seal the air leaks around the chimney. The energy audit recommended R-60. House is in Sherbrooke.',
    fr: "J'ai besoin d'une estimation pour isoler l'entretoit et colmater les fuites d'air autour de la cheminée. L'évaluation énergétique recommande R-60. La maison est à Sherbrooke.",
    aboutEn: 'attic insulation',
    aboutFr: "l'isolation de l'entretoit",
  },
  {
    en: 'Can you install a charging station for an electric car in our garage? The panel is about fifteen feet away. We would like it done before winter.',
    fr: "Pouvez-vous installer une borne de recharge pour voiture électrique dans notre garage? Le panneau est à environ quinze pieds. On aimerait que ce soit fait avant l'hiver.",
    aboutEn: 'an electric car charging station',
    aboutFr: "l'installation d'une borne de recharge",
  },
  {
    en: 'Our asphalt driveway has large cracks and a sinkhole near the street. Do you repave driveways and can you give a price per square foot?',
    fr: "Notre entrée d'asphalte a de grosses fissures et un affaissement près de la rue. Refaites-vous les entrées et pouvez-vous donner un prix au pied carré?",
    aboutEn: 'repaving a cracked driveway',
    aboutFr: "la réfection d'une entrée d'asphalte",
  },
];

/** Words added to every message, a few each, so a search term's hit rate varies like real text. */
const EXTRA_WORDS = [
  'Laval',
  'Montréal',
  'Longueuil',
  'Gatineau',
  'Sherbrooke',
  'Terrebonne',
  'Brossard',
  'Rosemont',
  'Verdun',
  'Blainville',
  'urgent',
  'urgence',
  'budget',
  'financing',
  'financement',
  'estimate',
  'estimation',
  'permit',
  'permis',
  'warranty',
  'garantie',
  'weekend',
  'samedi',
  'Monday',
  'lundi',
  'morning',
  'matin',
  'evening',
  'soir',
  'photos',
  'plans',
  'measurements',
  'mesures',
  'condo',
  'duplex',
  'triplex',
  'cottage',
  'chalet',
  'bungalow',
  'basement',
  'sous-sol',
  'attic',
  'garage',
  'deck',
  'terrasse',
  'pool',
  'piscine',
  'fence',
  'clôture',
  'stairs',
  'escalier',
  'bathroom',
  'salle',
  'bain',
  'shower',
  'douche',
  'tiles',
  'céramique',
  'hardwood',
  'plancher',
  'drywall',
  'gypse',
  'mould',
  'moisissure',
  'asbestos',
  'amiante',
  'insurance',
  'assurance',
  'landlord',
  'propriétaire',
  'tenant',
  'locataire',
  'neighbour',
  'voisin',
  'recommended',
  'recommandé',
  'referral',
  'Facebook',
  'Google',
  'Kijiji',
  'soon',
  'bientôt',
  'quickly',
  'rapidement',
  'thanks',
  'merci',
  'please',
  'svp',
  'callback',
  'rappel',
  'visit',
  'visite',
  'price',
  'prix',
  'quote',
  'soumission',
  'contract',
  'contrat',
  'subsidy',
  'subvention',
];

const FIRST_NAMES = [
  'Martin',
  'Julie',
  'Mathieu',
  'Isabelle',
  'François',
  'Geneviève',
  'Sébastien',
  'Mélanie',
  'Étienne',
  'Chloé',
  'Jean-Philippe',
  'Marie-Ève',
  'Alexandre',
  'Catherine',
  'Olivier',
  'Nathalie',
  'Guillaume',
  'Sophie',
  'Benoît',
  'Émilie',
  'Michael',
  'Sarah',
  'David',
  'Jennifer',
  'James',
  'Emily',
  'Daniel',
  'Jessica',
  'Ryan',
  'Amanda',
  'Kevin',
  'Laura',
  'Ahmed',
  'Fatima',
  'Wei',
  'Priya',
  'Luis',
  'Sofia',
  'Nguyen',
  'Aïcha',
];

const LAST_NAMES = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
  'Simard',
  'Boucher',
  'Smith',
  'Brown',
  'Wilson',
  'MacDonald',
  'Campbell',
  'Anderson',
  'Taylor',
  'Thompson',
  'Martin',
  'Kelly',
  'Haddad',
  'Nguyen',
  'Chen',
  'Singh',
  'Rodriguez',
  'Khan',
];

const DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.com', 'videotron.ca', 'yahoo.ca', 'bell.net', 'icloud.com'];

/** Intents weighted as a contractor's inbox sees them: mostly sales, some service, a little noise. */
const INTENT_WEIGHTS: Record<IntentKey, number> = {
  quote_request: 30,
  service_inquiry: 18,
  booking_request: 10,
  support_request: 8,
  partnership: 3,
  complaint: 5,
  job_application: 4,
  vendor_pitch: 6,
  billing: 4,
  feedback: 4,
  general_question: 6,
  spam: 2,
};

/** The tags on a fraction of the leads: the two the product knows, and one a client made up. */
export const BENCH_TAGS = { hot: 'Hot Lead', converted: 'Converted', custom: 'Rappeler en mai' } as const;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const textArray = (values: readonly string[]) => sql.raw(`array[${values.map(literal).join(', ')}]::text[]`);
/** `array[...][1 + floor(r × n)]`: one element picked by a uniform draw r in [0, 1). */
const pick = (values: readonly string[], draw: SQL) =>
  sql`(${textArray(values)})[1 + floor(${draw} * ${sql.raw(String(values.length))})::int]`;

export interface SeedOptions {
  clientId: string;
  leads: number;
  /** Every lead active and not a test: the client whose default export holds them all. */
  allActive?: boolean;
  /** The newest lead's time; the others go back two years from it. */
  now: Date;
}

/** One INSERT … SELECT generating `leads` leads for one client. */
export function seedLeadsStatement({ clientId, leads, allActive = false, now }: SeedOptions): SQL {
  // Spam and vendor pitches go to the Spam folder: an all-active client has none.
  const intents = (Object.entries(INTENT_WEIGHTS) as [IntentKey, number][])
    .filter(([key]) => !allActive || !isSpamFolderIntent(key))
    .flatMap(([key, weight]) => Array<string>(weight).fill(intentOf(key).en));
  const topic = (field: keyof Topic) => sql`(${textArray(TOPICS.map((t) => t[field]))})[b.topic]`;
  const first = pick(FIRST_NAMES, sql`b.r_first`);
  const last = pick(LAST_NAMES, sql`b.r_last`);
  const plain = (name: SQL) => sql`translate(lower(${name}), 'éèêëàâäîïôöùûüç -', 'eeeeaaaiioouuuc')`;
  const triaged = sql`b.r_triage < 0.95`;
  const openai = sql`b.r_triage < 0.70`;
  const urgency = sql`(case when b.r_urgency < 0.2 then 'High' when b.r_urgency < 0.65 then 'Medium' else 'Low' end)`;
  const summaryEn = sql`${first} || ' asks about ' || ${topic('aboutEn')} || '.'`;
  const summaryFr = sql`${first} || ' demande ' || ${topic('aboutFr')} || '.'`;
  const words = sql`(select string_agg(${pick(EXTRA_WORDS, sql`random()`)}, ' ') from generate_series(1, 2 + floor(b.r_words * 7)::int))`;

  return sql`
    insert into lead_memory (client_id, name, email, phone, message, language, consent, intent, urgency, tone,
      confidence_score, ai_summary, ai_summary_en, ai_summary_fr, enrichment_engine, enriched_at,
      current_tag, archived, deleted, is_test, opened_at, created_at, updated_at)
    select
      ${clientId}::uuid,
      ${first} || ' ' || ${last},
      ${plain(first)} || '.' || ${plain(last)} || (b.g % 100)::text || '@' || ${pick(DOMAINS, sql`b.r_domain`)},
      case when b.r_phone < 0.6 then '514-555-' || lpad((b.g % 10000)::text, 4, '0') end,
      case when b.lang = 'fr' then ${topic('fr')} else ${topic('en')} end || ' ' || ${words},
      b.lang,
      b.r_phone < 0.85,
      case when ${triaged} then ${pick(intents, sql`b.r_intent`)} end,
      case when ${triaged} then ${urgency} end,
      case when ${triaged} then ${pick(LEAD_TONES, sql`b.r_tone`)} end,
      case when ${triaged} then round((0.45 + b.r_confidence * 0.55)::numeric, 2) end,
      case when ${triaged} then (case when b.lang = 'fr' then ${summaryFr} else ${summaryEn} end) end,
      case when ${triaged} and (${openai} or b.lang = 'en') then ${summaryEn} end,
      case when ${triaged} and (${openai} or b.lang = 'fr') then ${summaryFr} end,
      case when ${openai} then 'openai' when ${triaged} then 'offline' end,
      case when ${triaged} then b.at + interval '4 seconds' end,
      case when b.r_tag < 0.05 then ${BENCH_TAGS.hot} when b.r_tag < 0.08 then ${BENCH_TAGS.converted}
        when b.r_tag < 0.10 then ${BENCH_TAGS.custom} end,
      ${allActive ? sql`false` : sql`b.r_status < 0.10`},
      ${allActive ? sql`false` : sql`b.r_status >= 0.10 and b.r_status < 0.15`},
      ${allActive ? sql`false` : sql`b.r_test < 0.02`},
      case when b.r_opened < 0.7 then b.at + interval '3 hours' end,
      b.at,
      b.at
    from (
      -- Materialized so each draw is made once per lead, however often the SELECT uses it.
      with draws as materialized (
        select g,
          case when random() < 0.55 then 'fr' else 'en' end as lang,
          1 + floor(random() * ${sql.raw(String(TOPICS.length))})::int as topic,
          random() as r_first, random() as r_last, random() as r_domain, random() as r_phone,
          random() as r_triage, random() as r_intent, random() as r_urgency, random() as r_tone,
          random() as r_confidence, random() as r_tag, random() as r_status, random() as r_test,
          random() as r_opened, random() as r_words,
          ${now.toISOString()}::timestamptz - random() * interval '730 days' as at
        from generate_series(1, ${sql.raw(String(leads))}) as g
      )
      select * from draws
    ) as b`;
}

/**
 * One client's activity log as its leads imply it: received, replied (when triaged),
 * tagged, archived, deleted, each at a plausible time after the lead. About 2.2 actions a lead.
 */
export function seedActionsStatement(clientId: string, ownerEmail: string): SQL {
  return sql`
    insert into lead_actions (lead_id, client_id, action_type, tag, performed_by, timestamp, is_test)
    select id, client_id, 'created', null, 'widget', created_at, is_test
      from lead_memory where client_id = ${clientId}::uuid
    union all
    select id, client_id, 'replied', null, 'system', enriched_at + interval '2 seconds', is_test
      from lead_memory where client_id = ${clientId}::uuid and enriched_at is not null
    union all
    select id, client_id, 'tagged', current_tag, ${ownerEmail}, created_at + interval '5 hours', is_test
      from lead_memory where client_id = ${clientId}::uuid and current_tag is not null
    union all
    select id, client_id, 'archived', null, ${ownerEmail}, created_at + interval '2 days', is_test
      from lead_memory where client_id = ${clientId}::uuid and archived
    union all
    select id, client_id, 'deleted', null, ${ownerEmail}, created_at + interval '3 days', is_test
      from lead_memory where client_id = ${clientId}::uuid and deleted`;
}

/** Words to search for: common and rare, English and French, stems that meet across languages. */
export const SEARCH_TERMS = [
  'roof',
  'toiture',
  'plumber',
  'thermopompe',
  'kitchen',
  'fournaise',
  'Sherbrooke',
  'amiante',
];
