import { CLIENTS_STRINGS } from './strings/clients';
import { LEADS_STRINGS } from './strings/leads';
import { SETTINGS_STRINGS } from './strings/settings';

export type Lang = 'en' | 'fr';

/**
 * Every string the dashboard shows, in both languages (Quebec French). The screens with
 * many strings of their own keep them in strings/, merged here; `fr` is typed by `en`, so
 * a string missing in one language fails the typecheck.
 */
const en = {
  signInTitle: 'Sign in',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  newPasswordTitle: 'Choose a new password',
  newPasswordHelp: 'Your one-time password must be replaced (10 to 200 characters).',
  currentPassword: 'Current password',
  newPassword: 'New password',
  save: 'Save',
  signOut: 'Sign out',
  language: 'Language',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  activity: 'Activity',
  actingAs: (name: string) => `You are viewing ${name}’s dashboard.`,
  switchBack: 'Back to my account',
  inbox: 'Inbox',
  active: 'Active',
  archived: 'Archived',
  deleted: 'Deleted',
  statusTabs: 'Lead status',
  search: 'Search',
  urgency: 'Urgency',
  anyUrgency: 'Any urgency',
  High: 'High',
  Medium: 'Medium',
  Low: 'Low',
  noLeads: 'No leads here.',
  loadMore: 'Load more',
  loading: 'Loading…',
  newLeads: (n: number) => (n === 1 ? '1 new lead' : `${n} new leads`),
  unread: 'Unread',
  back: 'Back to the inbox',
  message: 'Message',
  summary: 'Summary',
  summaryLanguage: 'Summary language',
  notTranslated: 'Not translated',
  noSummary: 'No summary yet.',
  intent: 'Intent',
  tone: 'Tone',
  confidence: 'Confidence',
  tag: 'Tag',
  none: '—',
  actions: 'Actions',
  tagConverted: 'Tag Converted',
  tagHot: 'Tag Hot Lead',
  archive: 'Archive',
  delete: 'Delete',
  reactivate: 'Reactivate',
  done: 'Done.',
  notes: 'Notes',
  addNote: 'Add a note',
  noteLabel: 'New note',
  noNotes: 'No notes yet.',
  timeline: 'Timeline',
  error: 'Something went wrong. Please try again.',
  offline: 'Connection problem. Please try again.',
  notFound: 'This lead does not exist.',
  ...LEADS_STRINGS.en,
  ...SETTINGS_STRINGS.en,
  ...CLIENTS_STRINGS.en,
};

export type Strings = typeof en;

const fr: Strings = {
  signInTitle: 'Connexion',
  email: 'Courriel',
  password: 'Mot de passe',
  signIn: 'Se connecter',
  signingIn: 'Connexion en cours…',
  newPasswordTitle: 'Choisissez un nouveau mot de passe',
  newPasswordHelp: 'Votre mot de passe temporaire doit être remplacé (10 à 200 caractères).',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  save: 'Enregistrer',
  signOut: 'Se déconnecter',
  language: 'Langue',
  skipToContent: 'Aller au contenu',
  mainNavigation: 'Principal',
  activity: 'Activité',
  actingAs: (name: string) => `Vous consultez le tableau de bord de ${name}.`,
  switchBack: 'Revenir à mon compte',
  inbox: 'Boîte de réception',
  active: 'Actifs',
  archived: 'Archivés',
  deleted: 'Supprimés',
  statusTabs: 'Statut des clients potentiels',
  search: 'Rechercher',
  urgency: 'Urgence',
  anyUrgency: 'Toute urgence',
  High: 'Élevée',
  Medium: 'Moyenne',
  Low: 'Faible',
  noLeads: 'Aucun client potentiel ici.',
  loadMore: 'Afficher plus',
  loading: 'Chargement…',
  newLeads: (n: number) => (n === 1 ? '1 nouveau client potentiel' : `${n} nouveaux clients potentiels`),
  unread: 'Non lu',
  back: 'Retour à la boîte de réception',
  message: 'Message',
  summary: 'Résumé',
  summaryLanguage: 'Langue du résumé',
  notTranslated: 'Non traduit',
  noSummary: 'Pas encore de résumé.',
  intent: 'Intention',
  tone: 'Ton',
  confidence: 'Confiance',
  tag: 'Étiquette',
  none: '—',
  actions: 'Actions',
  tagConverted: 'Étiqueter Converti',
  tagHot: 'Étiqueter Client chaud',
  archive: 'Archiver',
  delete: 'Supprimer',
  reactivate: 'Réactiver',
  done: 'C’est fait.',
  notes: 'Notes',
  addNote: 'Ajouter une note',
  noteLabel: 'Nouvelle note',
  noNotes: 'Aucune note pour l’instant.',
  timeline: 'Historique',
  error: 'Une erreur est survenue. Veuillez réessayer.',
  offline: 'Problème de connexion. Veuillez réessayer.',
  notFound: 'Ce client potentiel n’existe pas.',
  ...LEADS_STRINGS.fr,
  ...SETTINGS_STRINGS.fr,
  ...CLIENTS_STRINGS.fr,
};

export const STRINGS: Record<Lang, Strings> = { en, fr };

const LANG_KEY = 'avenir.lang';

export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}

/** The locale dates and numbers are written in: Canadian English or Quebec French. */
export const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

export const formatDate = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(value);

/** A 0–1 score as a percentage: "90 %" in French, "90%" in English. */
export const formatPercent = (value: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(value);
