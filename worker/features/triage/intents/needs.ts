import type { Cue } from '../cues';

/**
 * Cues of a lead who wants something from the business: a price, to know whether it does
 * something, or a time slot. Over folded text (see normalize.ts); weights as in intent-cues.ts.
 */

/** A direct question about whether the business does something. A lead who asks it is not yet
 * a customer for that thing, so what they describe as broken is why they ask, not a support
 * ticket (see intent-conflicts.ts). */
export const CAPABILITY_QUESTION: readonly RegExp[] = [
  /\bdo (you|u|y'all) (guys )?(also |still |even )?(offer|do|provide|handle|carry|sell|install|repair|fix|service|work on|work with|make|cater|take care of|specialize|deal with|cover|give|teach|recover|clean|build|replace)\b/,
  /\b(does|do) (your|the) (\w+ ){0,2}(offer|do|provide|handle|carry|sell|install|repair|fix|service|cover|deal with|work on|specialize|take care of|teach)\b/,
  /\b((is|are) (\w+ ){1,4})?something (you|your \w+) (offer|do|provide|handle|sell|carry|teach)\b|\bquelque chose que (vous|votre \w+) (faites|offrez|fait|offre|vendez|donnez)\b/,
  /\b(kind|sort|type) of (thing|work|job|jobs|project|projects|service) (you|your \w+) (do|handle|look at|take on|offer|work on)\b|\b(genre|type) de (chose|travail|travaux|contrat|projet)s? que vous (faites|prenez|acceptez)\b/,
  /\b(if|whether) (you|u) (guys )?(also |still )?(do|offer|provide|handle|carry|sell|install|repair|fix|service|make|cater|teach|deliver to)\b/,
  /\b(can|could) (your \w+|you guys|y'all) (do|make|design|build|handle|install|repair|fix|create|provide|take care of|cater)\b/,
  /\b(faites|offrez|fournissez|proposez|installez|reparez|vendez|traitez|couvrez|desservez|donnez|enseignez|occupez|nettoyez|recuperez|remplacez)[- ]vous\b/,
  // Quebec questions put "tu" after the verb: "vous faites-tu", "vous donnez tu des cours?".
  /\bvous (faites|offrez|fournissez|proposez|installez|reparez|vendez|traitez|couvrez|desservez|donnez|enseignez|occupez|nettoyez|recuperez|remplacez|travaillez)[ -]tu\b/,
  /\b(est-ce (que|qu') ?|savoir si |si )(vous|vos \w+|votre \w+) (faites|offrez|fournissez|proposez|installez|reparez|vendez|travaillez|desservez|couvrez|donnez|enseignez|vous occupez|s'occupe(nt)?|offre(nt)?|fournit|propose(nt)?|traite(nt)?|couvre(nt)?|repare(nt)?|vend(ent)?|etes capables)\b/,
  /\best-ce (que|qu') ?(votre|vos) \w+ (fait|font) (l'|le |la |les |des |du )(?!bruit)/,
  /\b((s'occupe|offre|propose|traite|couvre|repare|donne|enseigne)-t-(il|elle)|(fait|fournit|vend|font|offrent|proposent|vendent|fournissent)-(il|elle|ils|elles))\b/,
];

export const QUOTE_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(quotes?|quotation|estimates?|estimation|soumissions?|devis|ballpark|(un|l'|votre|mon|d'un|des) estimes?|(like|want|need|request|get|receive|recevoir|obtenir|avoir) (a|une|your|votre) (\w+ )?(proposal|proposition))\b/,
    weight: 3,
  },
  {
    // "Combien vous dois-je" is a bill, "combien de temps" a duration: neither is a price asked.
    pattern:
      /\b(how much|combien)\b(?! (time|de temps|of time|longtemps|we|i|you|they|she|he|nous|je|vous (dois|devrais|doit))\b)/,
    weight: 3,
  },
  {
    pattern:
      /\b((can|could) you (send|give|email) (me |us )?(a |an |your )?(proposal|quote|price|estimate|pricing)|(can|could|would) you (please )?quote (me|us|on|for)|combien (vous )?(demande[zr]?|prene[zr]|facture[zr]?)|quel serait le (cout|prix))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b((what|wat|wut) (do|would|will|d) (you|u|ya) (guys )?(charge|ask|want for|need for)|how much do (you|u) charge|combien (vous )?charge[zr]?|what would it (cost|run)|(an |une )?idee (du|de) (prix|cout)|(rough|approximate|ballpark|general) (idea|number|figure|cost|price|estimate)|going rate|(hourly|flat|daily|day) rate|(your|vos|votre) (fee schedule|grille tarifaire|rate card|price list|liste de prix)|ordre de prix|(comparing|compare|comparer) (\w+ ){0,2}(firms|companies|quotes|prices|prix|soumissions|compagnies)|(need|get|want) (some )?(numbers|pricing) for|numbers for (my|our|the) budget|(give|send|get) (me|us) (a |some )?(rough )?(number|figure|price range)|price range|fourchette de prix|(me|nous) donner un (montant|prix|chiffre|estime)|offre de prix|proposition de prix|demande de prix|(seeking|requesting|request|invite|inviting|submit) (\w+ )?proposals?|call for proposals|appel de propositions)\b/,
    weight: 3,
  },
  {
    // The sender's own prices ("nos tarifs", "our rates") are a pitch, not a price asked.
    pattern:
      /(?<!\b(our|nos|notre|my|mes|competitive|avantageux|reduced|reduits|special|speciaux) )\b(prix|tarifs?|pricing|prices?|rates|hourly rate|taux horaire|fees for|vos frais)\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((quels sont|c'est quoi) vos (\w+ et )?(prix|tarifs|frais)|what (are|is) your (\w+ and )?(prices?|rates|fees|pricing)|send (me|us) (your )?(\w+ )?(pricing|prices|rates|price list))\b/,
    weight: 2,
  },
  {
    pattern: /\b(bid on|bid for|submit a bid|soumissionner|appel d'offres|tender|rfp|request for proposal)\b/,
    weight: 3,
  },
  { pattern: /\b(cost|costs|couts?|couterait|couteraient|coute|coutent|coutera)\b/, weight: 2 },
  { pattern: /\b(budget|approximativement|approximatif|approximately|roughly|en gros)\b/, weight: 1 },
  {
    pattern:
      /\b(per person|par personne|per head|par tete|budget (is |est )?(of|around|about|approx\w*|de|d'environ|d'a peu pres|environ|autour de))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b((what|how much) (would|will|does|do) (that|it|this|they|these|those|one|a new one|(a|the) new \w+) (run|cost|be)|c'est combien|ca serait combien|ca coute combien)\b/,
    weight: 3,
  },
  {
    // What is not worth repairing gets replaced: the lead is shopping for the new one.
    pattern:
      /\b(not worth (fixing|repairing)|(vaut|vaudrait) (pas|pu|plus) la peine (de )?(la |le |les )?(reparer|faire reparer)|(ne )?se repare (pas|plus|pu))\b/,
    weight: 2,
  },
  {
    // Someone asking for a visit to size up a job wants a quote.
    pattern:
      /\b((venir|passer) (evaluer|estimer|voir les travaux|prendre les mesures)|evaluer (le travail|les travaux|le projet)|come (and )?(take a look|look at it|assess|evaluate|measure)|take measurements|prendre les mesures)\b/,
    weight: 2.5,
  },
  {
    // Someone wanted to do a job: the lead is shopping for it.
    pattern:
      /\b((looking for|need|i need|we need|searching for) (someone|somebody|a company|a pro|a contractor) to|(je cherche|on cherche|nous cherchons|besoin d') (quelqu'un|une compagnie|un entrepreneur) (pour|qui))\b/,
    weight: 1.5,
  },
  {
    // A project described as wanted ("I'd like to have X installed") is the start of a quote.
    pattern:
      /\b((je voudrais|j'aimerais|on voudrait|on aimerait|nous voudrions|nous aimerions) (faire )?(faire|ajouter|installer|refaire|poser|remplacer|construire|renover|amenager)|(i'?d|we'?d) like to (have|get) (\w+ ){1,4}(installed|done|replaced|built|redone|fixed)|looking to (have|get) (\w+ ){1,4}(installed|done|replaced|built|redone))\b/,
    weight: 1,
  },
];

export const SERVICE_CUES: readonly Cue[] = [
  ...CAPABILITY_QUESTION.map((pattern) => ({ pattern, weight: 2.5 })),
  {
    pattern:
      /\b(are you able to|(can|could) you (guys )?(do|handle|install|build|take care of|work on|accommodate|cater|make|repair|fix|reinstall|relocate|set up|disconnect)|pouvez-vous (accommoder|faire|vous occuper)|etes-vous en mesure de)\b/,
    weight: 2,
  },
  // Any "do you …?" or inverted "…-vous?" question is about what the business does,
  // unless a more specific cue (hours, payment, parking) says otherwise.
  { pattern: /\bdo (you|u) (guys |also |still |ever )?[a-z]+/, weight: 1.5 },
  {
    // A lead who asks whether there is someone qualified for their case.
    pattern:
      /\b(do you have (a |an |any |someone |anyone )?(\w+ )?(who|that) (specializ\w*|knows?|does|can|works?|handles?)|avez-vous (un|une|des|quelqu'un) (\w+ )?qui (s'y connai\w*|connaissent|connait|se specialise\w*|fait|font|peu(t|vent)|travaill\w*))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((taking|accepting|accept|take) (on )?new (patients|clients|customers|projects|jobs|contracts)|taking (on )?(projects|jobs|contracts)|(prenez|acceptez)-vous (des|de nouveaux) (contrats|projets|mandats)|(prenez|acceptez)-vous (encore )?(des|de) (nouveaux )?clients|(prenez|acceptez)-vous (de |des )?nouveaux (patients|clients)|(looking for|searching for) (a|an) (\w+ ){0,3}(contractor|provider|supplier|company|service)\b|(je cherche|nous cherchons|on cherche) (un|une) (\w+ ){0,3}(entrepreneur|fournisseur|compagnie|entreprise)\b|(looking for|searching for) a (new |good |reliable )?(vet|veterinarian|accountant|notary|electrician|plumber|contractor|landscaper|caterer|mechanic|garage|salon|hairdresser|dentist|lawyer|company|firm)|je (cherche|me cherche|suis a la recherche d') (un|une) (nouveau |nouvelle |bon |bonne )?(veterinaire|comptable|notaire|electricien|plombier|entrepreneur|paysagiste|traiteur|mecanicien|garage|salon|coiffeuse|coiffeur|dentiste|avocat|compagnie|entreprise))\b/,
    weight: 2.5,
  },
  { pattern: /\b[a-z]+(ez|ons)-vous\b|\best-ce (que|qu') ?vous (pouvez|pourriez)\b/, weight: 1 },
  { pattern: /\best-ce (que|qu') ?vous [a-z]+ez\b/, weight: 1.5 },
  {
    pattern:
      /\b(pouvez-vous m'aider|pourriez-vous m'aider|pouvez-vous nous aider|can you help (me|us)( with)?|could you help (me|us)|j'aurais besoin de vos services|i need (someone|help) (to|with|for)|what'?s possible|ce qui est possible|c'tu possible|c'est-tu possible)\b/,
    weight: 1.5,
  },
  {
    pattern:
      /(?<!\b(be|etre|seriez-vous|serais-tu) )\b(interested in|interessee? (par|a|aux)|interesse par)( (your|vos|votre))?\b/,
    weight: 2.5,
  },
  {
    pattern: /\b(your|vos|votre) (services?|forfaits?|packages?|plans|offres?|cours|programmes?|programs?|produits?)\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b(more (info|information|details)|plus d'(information|informations|infos?|details)|en savoir plus|des renseignements|renseigner|what'?s included|ce qui est inclus|inclus dans|essai gratuit|free trial|learn more|services? offerts?|difference between|difference entre)\b/,
    weight: 1.5,
  },
  { pattern: /\b(forfaits?|packages?)\b/, weight: 1 },
];

export const BOOKING_CUES: readonly Cue[] = [
  {
    // An appointment the lead already has ("my appointment", "j'ai un rendez-vous") is the
    // context of another question, not a request for one.
    pattern:
      /(?<!without (an )?|sans (prendre )?|no |pas de |don'?t have an? |(my|his|her|our|their|your|mon|son|sa|notre|votre|leur|i have an?|j'ai un|has an?|a un|lors de son|lors de mon|booked a|les|pendant|pendant les|during|during the) (\w+ )?)\b(book(?! (time )?off)|booking|appointment|appointments|appt|rendez-vous|rendez vous|rdv|reserve|reserver|reservation|reservations)\b/,
    weight: 3,
  },
  { pattern: /\b(schedule|book|reschedule) (a|an|me|us|some|my|our|the|it|time(?! off)|your)\b/, weight: 2.5 },
  {
    pattern:
      /\b(set up|move|change|push back) (a|an|my|our|the|your) (\w+ )?(appointment|appt|meeting|call|visit|consultation|session|booking|reservation)\b/,
    weight: 2.5,
  },
  {
    // Quebec French "céduler": to schedule.
    pattern: /\bcedul(er|ez|e|ee|ons)\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b(get|have|book|arrange|schedule) (a|an) (\w+ ){0,2}(meeting|appointment|consultation|session|visit|tour)\b/,
    weight: 2.5,
  },
  {
    // Enrolling someone in a course or a session is reserving a place in it.
    pattern:
      /\b(register (me|him|her|them|us|my|our|for)|sign (me|him|her|them|us|my \w+|our \w+) up|sign up for|enrol+(ing)? (me|him|her|them|us|my|our|in)|(m'|l'|les |nous |vous |s')inscrire|inscrire (mon|ma|mes|notre|nos)|(je voudrais|j'aimerais|on voudrait|on aimerait) (m'|l'|les |nous )?inscrire|inscription (pour|a|au|de mon|de ma))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((find|set|pick|arrange|choose) a (time|date|day)|a time to (meet|talk|come)|meet with (you|someone)|(se )?rencontrer|trouver un moment|fixer une date)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(planifier|fixer|prendre|avoir|deplacer|changer|organiser) (un|une|mon|ma|notre|nos) (rendez-vous|rencontre|consultation|appel|visite|rdv|revision|bilan|reunion|meeting)/,
    weight: 2,
  },
  {
    pattern:
      /\b(availability|availabilities|disponibilites?|de la dispo|des dispos|openings|(an|any|une|next|first|earliest) opening|(next|earliest|first) (available|availability)|prochaine (disponibilite|place)|time slot|plage horaire|creneau|de la place|une place|a spot|a slot)\b/,
    weight: 2.5,
  },
  {
    // "Are you available tomorrow?", "avez-vous quelqu'un de disponible samedi?": a slot asked.
    pattern:
      /\b((are|r) (you|u) (guys )?(available|free) (on|this|next|tomorrow|today|to|that|for (our|my|the|a))|(do you have|is there|is anyone|is someone|is somebody|you have|you'?d have|auriez-vous) (\w+ ){0,4}available|(room|table|spot|seat|place|chambre|table|salle)s? (available|disponibles?|libres?|de libre) (for|pour|this|ce|cette|on|le|tonight|ce soir)|etes-vous (disponibles?|libres?) (le|ce|cette|demain|aujourd'hui|pour)|(avez-vous|vous avez|avez-vous|auriez-vous) (quelqu'un|du monde|une equipe|un camion|\w+) (de )?disponibles?)\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((une|a) table (pour|for)|table (pour|for) (\d+|two|three|four|five|six|eight|ten|deux|trois|quatre|cinq|six|huit|dix)\b)/,
    weight: 3,
  },
  {
    // "Can you fit Bella in tomorrow?": a slot asked for someone, on a day.
    pattern:
      /\b((can|could) you|you (can|could)|able to) (fit|squeeze) [^.?!]{1,40}? in (tomorrow|today|this|next|on|for|at|before|sometime|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/,
    weight: 2.5,
  },
  {
    // A visit asked to do the work on site ("venir faire une inspection"): a slot, not a price.
    pattern:
      /\b((venir|passer) faire (une|un|le|la) (inspection|visite|traitement|entretien|nettoyage|vidange)|come (out |over |by )?(to do|for) (an|a|the) (inspection|treatment|cleaning|service call|tune-?up))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b((need|want|would like|'d like|have) to (bring|get) (\w+ ){0,3}in (for|to|tomorrow|today|this|next|on)|bring (him|her|them|it|my \w+|our \w+) in (for|to|on|this|next)|(mornings|afternoons|evenings|weekends|weekdays) (are|work) (best|better)|(les )?(matins|apres-midis|soirs|avant-midis) (sont|c'est) (mieux|ideal))\b/,
    weight: 2,
  },
  {
    // Cancelling or moving a visit is managing a booking.
    pattern:
      /\b((need|have|want|going) to cancel(?! (my|our|the|this) (\w+ )?(subscription|account|contract|membership|plan|order))|cancel (my|our|the) (\w+ )?(appointment|appt|booking|reservation|session|class|lesson|visit)|annuler (mon|ma|notre|le|la) (\w+ )?(rendez-vous|rdv|reservation|seance|cours|visite))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((can|could|may) (i|we) (bring|come|come in|drop off|drop by|get in|stop by)|(get|fit|squeeze) (me|us|him|her) in|(je|on) (peux|peut|pourrais|pourrait) me liberer|when can (i|we) (bring|drop|come)|(est-ce que )?(je|on) (peux|pourrais|peut|pourrait) (venir|passer|amener|emmener)|quand (est-ce que )?(je|on) (peux|peut|pourrais|pourrait) (venir|passer|l'amener|vous l'amener)|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (morning|afternoon|evening|matin|apres-midi|avant-midi|soir))\b/,
    weight: 1.5,
  },
  {
    pattern: /\b(consultation|consult|demo|evaluation|meeting|rencontre|come in|come by|passer vous voir)\b/,
    weight: 1,
  },
  {
    pattern: /\b(i'?m|je suis|we'?re|nous sommes) (available|disponibles?|libres?|free)\b|\bdispo (le|les|ce|cette)\b/,
    weight: 1.5,
  },
];
