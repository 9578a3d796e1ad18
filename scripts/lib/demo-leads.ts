/**
 * What the demo client's inbox starts with on a first `npm start`: leads a Laval renovation
 * business really gets, in both languages, sent through the public form API as a visitor's
 * browser would, so each goes through the whole product (stored, triaged, answered in the
 * dev outbox, notified) and every screen has something to show.
 */
export const DEMO_LEADS: readonly {
  name: string;
  email: string;
  phone?: string;
  message: string;
  language: 'en' | 'fr';
}[] = [
  {
    name: 'Martine Lefebvre',
    email: 'martine.lefebvre@exemple.ca',
    phone: '450 555-0142',
    language: 'fr',
    message:
      "Bonjour, j'aimerais une soumission pour refaire la toiture de notre bungalow à Sainte-Rose, environ 1 200 pi2. Les bardeaux retroussent. Est-ce que vous faites aussi les gouttières?",
  },
  {
    name: 'David Chen',
    email: 'david.chen@example.com',
    language: 'en',
    message:
      'Hi, we are planning a full kitchen renovation this spring: new cabinets, quartz countertops and moving the island. Do you offer design help? What would a rough budget be?',
  },
  {
    name: 'Sophie Tremblay',
    email: 'sophie.tremblay@exemple.ca',
    phone: '514 555-0188',
    language: 'fr',
    message:
      "Il y a de l'eau qui coule du plafond de la salle de bain du sous-sol, juste à côté du panneau électrique. Pouvez-vous venir aujourd'hui?",
  },
  {
    name: 'Robert Gagnon',
    email: 'r.gagnon@exemple.ca',
    language: 'fr',
    message:
      "Ça fait trois semaines que les travaux de la salle de bain devaient être finis. Personne ne me rappelle et le plancher n'est toujours pas posé. Je suis vraiment déçu.",
  },
  {
    name: 'Emily Walsh',
    email: 'emily.walsh@example.com',
    phone: '438 555-0127',
    language: 'en',
    message:
      'Could someone come and look at our basement next week? We would like to finish it as a family room. Any weekday after 4 pm works.',
  },
  {
    name: 'Karim Haddad',
    email: 'karim.haddad@exemple.ca',
    language: 'fr',
    message:
      "Bonjour, je suis charpentier-menuisier avec 8 ans d'expérience et je cherche un emploi à temps plein dans la région de Laval. Est-ce que vous embauchez?",
  },
  {
    name: 'Growth Partners SEO',
    email: 'sales@growth-partners.example',
    language: 'en',
    message:
      'Dear business owner, we can put your website on the first page of Google in 30 days. Reply to this email for a free audit of your online presence.',
  },
];
