/**
 * Connection health's words (dashboard/connection-health.tsx, staff-connections.tsx): the
 * home's banner, the settings' card and the staff's list. `fr` is typed by `en`.
 */
const en = {
  title: 'Your form’s connection',
  help: 'Whether your form still reaches Avenir, from the last 7 days of requests.',
  bannerTitle: (n: number) => (n === 1 ? 'Your form needs you' : `Your form needs you (${n} problems)`),
  bannerFix: 'See what to do',
  ok: 'Your form is reaching Avenir.',
  noHistory: 'Not enough leads yet to know your usual pace; refusals are shown here as they happen.',
  lastLead: (when: string) => `Last lead: ${when}`,
  noLead: 'No lead received yet',
  usualGap: (gap: string) => `one usually comes every ${gap}`,
  problem: {
    refused_origin: (origin: string, n: string) => `${origin} is refused (${n} requests)`,
    old_key: (prefix: string, n: string) => `A page uses your old key ${prefix}… (${n} requests)`,
    rate_limited: (n: string) => `${n} submissions refused as too fast`,
    invalid_submissions: (n: string) => `${n} submissions refused as invalid`,
    quiet: (silent: string) => `No lead for ${silent}`,
  },
  todo: {
    refused_origin:
      'Its visitors see a form that cannot send. If this site is yours, allow it; if not, do nothing: the form stays closed to it.',
    old_key: 'That page’s form cannot send. Paste the current snippet on it, in place of the old one.',
    rate_limited: 'Check that no page or tool sends your form by itself.',
    invalid_submissions:
      'A page may have changed the form. Fill it in on your site yourself, then paste the snippet again if it fails.',
    quiet: 'Check that the form shows and sends on your site: a test lead checks the rest.',
  },
  lastAt: (when: string) => `most recently ${when}`,
  allow: 'Allow this site…',
  allowTitle: 'Allow this site?',
  allowText: (origin: string) =>
    `Once allowed, any page on ${origin} may show your form and send you leads. Only allow a site that is yours.`,
  allowConfirm: 'Yes, allow it',
  allowCancel: 'Cancel',
  allowed: (origin: string) => `${origin} is allowed: within a minute, its visitors can send you leads.`,
  pasteSnippet: 'Copy the snippet',
  sendTest: 'Send a test lead',
  sitesCaption: 'Sites your form was loaded or sent from, last 7 days',
  site: 'Site',
  noOrigin: 'No site named (a server or a tool)',
  status: 'Status',
  allowedBadge: 'Allowed',
  notAllowedBadge: 'Not allowed',
  accepted: 'Leads',
  refused: 'Refused',
  lastRequest: 'Last request',
  noSites: 'No request in the last 7 days.',
  // Staff's list (System screen).
  staffTitle: 'Client connections',
  staffHelp: 'Every client’s form over the last 7 days, the ones that need help first.',
  staffCaption: 'Client connections, neediest first',
  staffClient: 'Client',
  staffProblems: 'Problems',
  staffLastLead: 'Last lead',
  staffNone: 'None',
  staffNever: 'Never',
  staffTest: 'Test',
};

type ConnectionStrings = typeof en;

const fr: ConnectionStrings = {
  title: 'Connexion de votre formulaire',
  help: 'Si votre formulaire communique toujours avec Avenir, d’après les requêtes des 7 derniers jours.',
  bannerTitle: (n) =>
    n === 1 ? 'Votre formulaire a besoin de vous' : `Votre formulaire a besoin de vous (${n} problèmes)`,
  bannerFix: 'Voir quoi faire',
  ok: 'Votre formulaire communique bien avec Avenir.',
  noHistory:
    'Pas encore assez de demandes pour connaître votre rythme habituel; les refus s’affichent ici dès qu’il y en a.',
  lastLead: (when) => `Dernière demande\u00a0: ${when}`,
  noLead: 'Aucune demande reçue pour l’instant',
  usualGap: (gap) => `il en arrive d’habitude une toutes les ${gap}`,
  problem: {
    refused_origin: (origin, n) => `${origin} est refusé (${n} requêtes)`,
    old_key: (prefix, n) => `Une page utilise votre ancienne clé ${prefix}… (${n} requêtes)`,
    rate_limited: (n) => `${n} envois refusés parce que trop rapides`,
    invalid_submissions: (n) => `${n} envois refusés parce qu’invalides`,
    quiet: (silent) => `Aucune demande depuis ${silent}`,
  },
  todo: {
    refused_origin:
      'Ses visiteurs voient un formulaire qui ne peut pas envoyer. Si ce site est le vôtre, autorisez-le; sinon, ne faites rien\u00a0: le formulaire lui reste fermé.',
    old_key: 'Le formulaire de cette page ne peut pas envoyer. Collez-y le code actuel, à la place de l’ancien.',
    rate_limited: 'Vérifiez qu’aucune page ni aucun outil n’envoie votre formulaire d’eux-mêmes.',
    invalid_submissions:
      'Une page a peut-être modifié le formulaire. Remplissez-le vous-même sur votre site, puis collez de nouveau le code s’il échoue.',
    quiet: 'Vérifiez que le formulaire s’affiche et envoie sur votre site\u00a0: une demande d’essai vérifie le reste.',
  },
  lastAt: (when) => `plus récemment le ${when}`,
  allow: 'Autoriser ce site…',
  allowTitle: 'Autoriser ce site?',
  allowText: (origin) =>
    `Une fois autorisé, toute page de ${origin} pourra afficher votre formulaire et vous envoyer des demandes. N’autorisez qu’un site qui est le vôtre.`,
  allowConfirm: 'Oui, l’autoriser',
  allowCancel: 'Annuler',
  allowed: (origin) =>
    `${origin} est autorisé\u00a0: d’ici une minute, ses visiteurs pourront vous envoyer des demandes.`,
  pasteSnippet: 'Copier le code',
  sendTest: 'Envoyer une demande d’essai',
  sitesCaption: 'Sites d’où votre formulaire a été chargé ou envoyé, 7 derniers jours',
  site: 'Site',
  noOrigin: 'Aucun site indiqué (un serveur ou un outil)',
  status: 'État',
  allowedBadge: 'Autorisé',
  notAllowedBadge: 'Non autorisé',
  accepted: 'Demandes',
  refused: 'Refus',
  lastRequest: 'Dernière requête',
  noSites: 'Aucune requête dans les 7 derniers jours.',
  staffTitle: 'Connexion des clients',
  staffHelp: 'Le formulaire de chaque client sur les 7 derniers jours, ceux qui ont besoin d’aide d’abord.',
  staffCaption: 'Connexion des clients, ceux qui ont le plus besoin d’aide d’abord',
  staffClient: 'Client',
  staffProblems: 'Problèmes',
  staffLastLead: 'Dernière demande',
  staffNone: 'Aucun',
  staffNever: 'Jamais',
  staffTest: 'Essai',
};

export const CONNECTION_STRINGS = { en, fr };
