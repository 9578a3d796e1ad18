import type { ConnectionProblem } from '../../../schema/connection-health-api';
import type { Language } from '../../../schema/vocabulary';
import { frenchTypography } from '../../platform/french-typography';
import { DEFAULT_TIME_ZONE } from '../../platform/local-time';

/**
 * The email that tells a client its form stopped reaching Avenir, without I/O: what
 * happened, in figures the log shows, and the one thing to do, in the client's language.
 * Plain text; the HTML part is made from it, links on lines of their own.
 */

export interface AlertInput {
  language: Language;
  businessName: string;
  problem: ConnectionProblem;
  /** The dashboard's settings, where a site is allowed and the snippet copied. */
  settingsUrl: string;
  /** The dashboard's home, which shows the same problem. */
  homeUrl: string;
}

export interface AlertMail {
  subject: string;
  text: string;
}

const when = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(new Date(iso));

const days = (hours: number) => Math.max(1, Math.round(hours / 24));

type Wording = { subject: string; what: string; todo: string; link: 'settings' | 'home' };

const WORDS: Record<Language, (problem: ConnectionProblem) => Wording> = {
  en: (problem) => {
    switch (problem.kind) {
      case 'refused_origin':
        return {
          subject: `Your Avenir form is refused on ${problem.origin}`,
          what: `Your lead form was loaded or sent from ${problem.origin} ${problem.count} times this week (the last on ${when(problem.lastAt, 'en')}), and refused each time: that site is not among your form's allowed sites, so its visitors see a form that cannot send.`,
          todo: `If ${problem.origin} is your site, allow it in one click in your settings. If it is not yours, do nothing: your form stays closed to it.`,
          link: 'settings',
        };
      case 'old_key':
        return {
          subject: 'A page still carries your old Avenir form key',
          what: `A page signed ${problem.count} requests this week with a form key you replaced (it starts with ${problem.keyPrefix}; the last on ${when(problem.lastAt, 'en')}). Those requests are refused, so that page's form cannot send.`,
          todo: 'Copy the snippet from your settings and paste it on every page that has the form, in place of the old one.',
          link: 'settings',
        };
      case 'rate_limited':
        return {
          subject: 'Your Avenir form is sending too fast',
          what: `${problem.count} submissions of your form were refused this week for arriving too fast (the last on ${when(problem.lastAt, 'en')}). A script or a page that sends the form by itself usually does this.`,
          todo: 'Check that no page or tool sends your form automatically. If the leads are real (a busy campaign), reply to this email and we will raise your limit.',
          link: 'home',
        };
      case 'invalid_submissions':
        return {
          subject: 'Many submissions of your Avenir form were refused',
          what: `${problem.count} submissions of your form were refused this week as incomplete or invalid (the last on ${when(problem.lastAt, 'en')}). That many usually means the form on a page was changed or is sent by other code.`,
          todo: 'Send a test lead from your settings, then fill in the form on your site yourself. If your site changed the form, paste the snippet again.',
          link: 'settings',
        };
      case 'quiet':
        return {
          subject: 'No lead from your Avenir form for a while',
          what: `No lead has reached you since ${when(problem.lastLeadAt, 'en')}: ${days(problem.silentHours)} days, when one usually comes ${formatGap(problem.usualGapHours, 'en')}.`,
          todo: 'Open your site and check that the form shows and sends (a test lead from your settings checks the rest). A slow week happens; a form removed during a site update happens too.',
          link: 'settings',
        };
    }
  },
  fr: (problem) => {
    switch (problem.kind) {
      case 'refused_origin':
        return {
          subject: `Votre formulaire Avenir est refusé sur ${problem.origin}`,
          what: `Votre formulaire a été chargé ou envoyé depuis ${problem.origin} ${problem.count} fois cette semaine (la dernière le ${when(problem.lastAt, 'fr')}), et refusé chaque fois : ce site ne fait pas partie des sites autorisés de votre formulaire, donc ses visiteurs voient un formulaire qui ne peut pas envoyer.`,
          todo: `Si ${problem.origin} est votre site, autorisez-le en un clic dans vos réglages. S’il n’est pas à vous, ne faites rien : votre formulaire lui reste fermé.`,
          link: 'settings',
        };
      case 'old_key':
        return {
          subject: 'Une page utilise encore votre ancienne clé de formulaire Avenir',
          what: `Une page a signé ${problem.count} requêtes cette semaine avec une clé de formulaire que vous avez remplacée (elle commence par ${problem.keyPrefix}; la dernière le ${when(problem.lastAt, 'fr')}). Ces requêtes sont refusées, donc le formulaire de cette page ne peut pas envoyer.`,
          todo: 'Copiez le code d’intégration dans vos réglages et collez-le sur chaque page qui a le formulaire, à la place de l’ancien.',
          link: 'settings',
        };
      case 'rate_limited':
        return {
          subject: 'Votre formulaire Avenir envoie trop vite',
          what: `${problem.count} envois de votre formulaire ont été refusés cette semaine parce qu’ils arrivaient trop vite (le dernier le ${when(problem.lastAt, 'fr')}). C’est souvent un script ou une page qui envoie le formulaire d’elle-même.`,
          todo: 'Vérifiez qu’aucune page ni aucun outil n’envoie votre formulaire automatiquement. Si les demandes sont réelles (une campagne qui fonctionne), répondez à ce courriel et nous relèverons votre limite.',
          link: 'home',
        };
      case 'invalid_submissions':
        return {
          subject: 'Beaucoup d’envois de votre formulaire Avenir ont été refusés',
          what: `${problem.count} envois de votre formulaire ont été refusés cette semaine parce qu’ils étaient incomplets ou invalides (le dernier le ${when(problem.lastAt, 'fr')}). Autant de refus veulent souvent dire que le formulaire d’une page a été modifié ou est envoyé par un autre code.`,
          todo: 'Envoyez une demande d’essai depuis vos réglages, puis remplissez vous-même le formulaire sur votre site. Si votre site a modifié le formulaire, collez de nouveau le code d’intégration.',
          link: 'settings',
        };
      case 'quiet':
        return {
          subject: 'Aucune demande de votre formulaire Avenir depuis un moment',
          what: `Aucune demande ne vous est parvenue depuis le ${when(problem.lastLeadAt, 'fr')} : ${days(problem.silentHours)} jours, alors qu’il en arrive d’habitude une ${formatGap(problem.usualGapHours, 'fr')}.`,
          todo: 'Ouvrez votre site et vérifiez que le formulaire s’affiche et envoie (une demande d’essai depuis vos réglages vérifie le reste). Une semaine tranquille, ça arrive; un formulaire retiré pendant une mise à jour du site aussi.',
          link: 'settings',
        };
    }
  },
};

/** "every 20 hours", « tous les 3 jours »: the usual gap as a person says it. */
export function formatGap(hours: number, language: Language): string {
  if (hours < 36) {
    const shown = Math.max(1, Math.round(hours));
    if (language === 'fr') return shown === 1 ? 'chaque heure' : `toutes les ${shown} heures`;
    return shown === 1 ? 'every hour' : `every ${shown} hours`;
  }
  const shown = days(hours);
  return language === 'fr' ? `tous les ${shown} jours` : `every ${shown} days`;
}

const FRAME = {
  en: {
    hello: (business: string) => `Hello ${business},`,
    todo: 'What to do:',
    open: 'Open your settings:',
    home: 'See it on your dashboard:',
    once: 'We tell you once per problem. Your dashboard shows it until it is solved.',
  },
  fr: {
    hello: (business: string) => `Bonjour ${business},`,
    todo: 'Que faire :',
    open: 'Ouvrir vos réglages :',
    home: 'Le voir dans votre tableau de bord :',
    once: 'Nous vous écrivons une seule fois par problème. Votre tableau de bord l’affiche jusqu’à ce qu’il soit réglé.',
  },
} as const;

export function alertMail(input: AlertInput): AlertMail {
  const { language } = input;
  const words = WORDS[language](input.problem);
  const frame = FRAME[language];
  const link = words.link === 'settings' ? `${frame.open}\n${input.settingsUrl}` : `${frame.home}\n${input.homeUrl}`;
  const text = [
    frame.hello(input.businessName),
    words.what,
    `${frame.todo}\n${words.todo}`,
    link,
    frame.once,
    '— Avenir',
  ].join('\n\n');
  const typeset = language === 'fr' ? frenchTypography : (value: string) => value;
  return { subject: typeset(words.subject), text: typeset(text) };
}
