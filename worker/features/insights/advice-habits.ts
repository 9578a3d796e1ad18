import { type Advice, inbox, settings } from './advice';

/**
 * Habits that always apply, given last: every analysis with leads has at least
 * MIN_RECOMMENDATIONS recommendations (recommendations.ts) whatever its figures.
 */
export const HABITS: readonly Advice[] = [
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
];
