import type { BilingualText, ScoreExplanation, ScorePart, SiteEvidence } from '../../../../schema/prospects-api';

/**
 * The automation-need score, 45–95, as a sum anyone can check: a base of 45 (every
 * business that answers its own leads by hand needs some help) plus a fixed number of
 * points for each gap the site shows. The parts are stored with the score and shown as
 * they are. README, "Prospect discovery", carries the same table.
 *
 * | gap                                              | points |
 * |--------------------------------------------------|--------|
 * | no contact form (only email or phone)            | +12    |
 * | a form only a script can send                    | +6     |
 * | no online booking tool                           | +10    |
 * | no chat widget                                   | +5     |
 * | one language only                                | +6     |
 * | newest date on the site 4+ years old             | +8     |
 * | newest date 2–3 years old                        | +4     |
 * | no date on the site                              | +2     |
 * | not built for phones (no viewport)               | +5     |
 * | no published email address                       | +3     |
 * | no HTTPS                                         | +3     |
 *
 * The most a site can add is 54, so the sum is capped at 95, the documented ceiling.
 */
export const SCORE_BASE = 45;
export const SCORE_MAX = 95;

const part = (key: string, points: number, label: BilingualText, detail: BilingualText | null = null): ScorePart => ({
  key,
  points,
  label,
  detail,
});

const SHORT: Record<string, BilingualText> = {
  no_contact_form: { en: 'no contact form', fr: 'aucun formulaire de contact' },
  script_only_form: { en: 'script-only form', fr: 'formulaire envoyé par script' },
  no_booking: { en: 'no booking link', fr: 'aucune prise de rendez-vous en ligne' },
  no_chat: { en: 'no chat', fr: 'aucun clavardage' },
  one_language: { en: 'one language only', fr: 'une seule langue' },
  dated_site: { en: 'dated site', fr: 'site daté' },
  undated_site: { en: 'undated site', fr: 'site sans date' },
  no_viewport: { en: 'not mobile-ready', fr: 'pas adapté au mobile' },
  no_email: { en: 'no email address', fr: 'aucune adresse courriel' },
  no_https: { en: 'no HTTPS', fr: 'pas de HTTPS' },
};

const LANGUAGE_NAMES = { en: { en: 'English', fr: 'anglais' }, fr: { en: 'French', fr: 'français' } } as const;

export function scoreSite(evidence: SiteEvidence, now: Date): ScoreExplanation {
  const parts: ScorePart[] = [];
  if (!evidence.form && evidence.javascriptOnlyForm) {
    parts.push(
      part('script_only_form', 6, {
        en: 'Its form is sent by a script only',
        fr: 'Son formulaire n’est envoyé que par un script',
      }),
    );
  } else if (!evidence.form) {
    parts.push(
      part('no_contact_form', 12, {
        en: 'No contact form: visitors must email or call',
        fr: 'Aucun formulaire de contact : il faut écrire ou appeler',
      }),
    );
  }
  if (evidence.bookingTools.length === 0) {
    parts.push(
      part('no_booking', 10, { en: 'No online booking tool', fr: 'Aucun outil de prise de rendez-vous en ligne' }),
    );
  }
  if (evidence.chatWidgets.length === 0) {
    parts.push(part('no_chat', 5, { en: 'No chat widget', fr: 'Aucun clavardage sur le site' }));
  }
  if (evidence.languages.length === 1) {
    const only = LANGUAGE_NAMES[evidence.languages[0]!];
    parts.push(
      part(
        'one_language',
        6,
        { en: `${only.en}-only site`, fr: `Site en ${only.fr} seulement` },
        {
          en: 'Quebec customers write in both languages',
          fr: 'La clientèle québécoise écrit dans les deux langues',
        },
      ),
    );
  }
  const age = evidence.copyrightYear === null ? null : now.getUTCFullYear() - evidence.copyrightYear;
  if (age === null) {
    parts.push(part('undated_site', 2, { en: 'No date anywhere on the site', fr: 'Aucune date sur le site' }));
  } else if (age >= 2) {
    const year = String(evidence.copyrightYear);
    parts.push(
      part(
        'dated_site',
        age >= 4 ? 8 : 4,
        { en: `Site last dated ${year}`, fr: `Site daté de ${year}` },
        { en: `The newest year printed on it is ${year}`, fr: `L’année la plus récente qui y figure est ${year}` },
      ),
    );
  }
  if (!evidence.viewport) {
    parts.push(part('no_viewport', 5, { en: 'Not built for phones', fr: 'Pas conçu pour les téléphones' }));
  }
  if (evidence.emails.length === 0) {
    parts.push(part('no_email', 3, { en: 'No published email address', fr: 'Aucune adresse courriel publiée' }));
  }
  if (!evidence.https) {
    parts.push(part('no_https', 3, { en: 'No HTTPS', fr: 'Pas de HTTPS' }));
  }
  const sum = SCORE_BASE + parts.reduce((total, entry) => total + entry.points, 0);
  // The language part names the language ("French-only site"); the others have a short form.
  const phrase = (entry: ScorePart, lang: 'en' | 'fr') =>
    entry.key === 'one_language'
      ? lang === 'en'
        ? entry.label.en
        : entry.label.fr.toLowerCase()
      : SHORT[entry.key]![lang];
  const biggest = [...parts].sort((a, b) => b.points - a.points).slice(0, 4);
  const language = (lang: 'en' | 'fr') => biggest.map((entry) => phrase(entry, lang)).join(', ');
  return {
    total: Math.min(SCORE_MAX, sum),
    base: SCORE_BASE,
    parts,
    summary: parts.length
      ? { en: language('en'), fr: language('fr') }
      : { en: 'a complete site: little to automate', fr: 'site complet : peu à automatiser' },
  };
}
