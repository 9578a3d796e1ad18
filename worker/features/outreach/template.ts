import type { BilingualText } from '../../../schema/prospects-api';
import { escapeHtml } from '../../platform/mail/mime';

/**
 * Outreach templates: `{{variable}}` or `{{variable | fallback}}` in a subject, a plain part
 * and an HTML part. A template is checked when it is saved (an unknown variable, a brace
 * left open, `{first_name}` with one brace) and again when it is rendered for a prospect (a
 * variable the prospect lacks, with no fallback): a sent email never carries a literal
 * `{{…}}`. Pure: no I/O.
 */

/** The variables a template may use, with what each holds (shown in the editor). */
export const TEMPLATE_VARIABLES = {
  first_name: { en: 'the contact’s first name', fr: 'le prénom de la personne' },
  company_name: { en: 'the business’s name', fr: 'le nom de l’entreprise' },
  website: { en: 'the business’s website, without https://', fr: 'le site de l’entreprise, sans https://' },
  city: { en: 'the business’s city', fr: 'la ville de l’entreprise' },
  industry: {
    en: 'the business’s trade, in the email’s language',
    fr: 'le métier de l’entreprise, dans la langue du courriel',
  },
  form_test_summary: {
    en: 'what the contact-form test found, in one sentence',
    fr: 'ce que le test du formulaire de contact a constaté, en une phrase',
  },
  first_line: {
    en: 'the personalised first line written from the site analysis and the form test',
    fr: 'la première ligne personnalisée, écrite à partir de l’analyse du site et du test du formulaire',
  },
  sender_name: { en: 'the sender’s name', fr: 'le nom de l’expéditeur' },
  sender_company: {
    en: 'the business the email is sent for',
    fr: 'l’entreprise au nom de laquelle le courriel est envoyé',
  },
} as const satisfies Record<string, BilingualText>;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

export const isTemplateVariable = (name: string): name is TemplateVariable => Object.hasOwn(TEMPLATE_VARIABLES, name);

export type TemplatePart = 'subject' | 'plain' | 'html';

export interface TemplateProblem {
  part: TemplatePart;
  kind: 'unknown_variable' | 'unclosed' | 'stray_close' | 'empty' | 'single_brace' | 'missing_value';
  /** The variable concerned, when there is one. */
  variable?: string;
  /** Where in the part (0-based character offset), for the editor to point at. */
  at: number;
  message: BilingualText;
}

interface Placeholder {
  name: string;
  fallback: string | null;
  start: number;
  end: number;
}

interface Parsed {
  placeholders: Placeholder[];
  problems: TemplateProblem[];
}

const NAME = /^[a-z][a-z0-9_]*$/;

function problem(part: TemplatePart, kind: TemplateProblem['kind'], at: number, variable?: string): TemplateProblem {
  const name = variable ?? '';
  const messages: Record<TemplateProblem['kind'], BilingualText> = {
    unknown_variable: {
      en: `{{${name}}} is not a variable Avenir knows. Known: ${Object.keys(TEMPLATE_VARIABLES).join(', ')}.`,
      fr: `{{${name}}} n’est pas une variable connue d’Avenir. Connues : ${Object.keys(TEMPLATE_VARIABLES).join(', ')}.`,
    },
    unclosed: { en: 'A “{{” is never closed with “}}”.', fr: 'Un « {{ » n’est jamais fermé par « }} ».' },
    stray_close: { en: 'A “}}” closes nothing.', fr: 'Un « }} » ne ferme rien.' },
    empty: { en: '“{{}}” names no variable.', fr: '« {{}} » ne nomme aucune variable.' },
    single_brace: {
      en: `{${name}} has one brace: write {{${name}}}.`,
      fr: `{${name}} n’a qu’une accolade : écrivez {{${name}}}.`,
    },
    missing_value: {
      en: `This prospect has no ${name} and {{${name}}} has no fallback: write {{${name} | …}}, or choose another prospect.`,
      fr: `Ce prospect n’a pas de ${name} et {{${name}}} n’a pas de valeur de repli : écrivez {{${name} | …}}, ou choisissez un autre prospect.`,
    },
  };
  return { part, kind, at, ...(variable ? { variable } : {}), message: messages[kind] };
}

function parse(text: string, part: TemplatePart): Parsed {
  const placeholders: Placeholder[] = [];
  const problems: TemplateProblem[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    const close = text.indexOf('}}', index);
    if (close !== -1 && (open === -1 || close < open)) {
      problems.push(problem(part, 'stray_close', close));
      index = close + 2;
      continue;
    }
    if (open === -1) break;
    const end = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      problems.push(problem(part, 'unclosed', open));
      index = open + 2;
      continue;
    }
    const inside = text.slice(open + 2, end);
    const bar = inside.indexOf('|');
    const name = (bar === -1 ? inside : inside.slice(0, bar)).trim();
    const fallback = bar === -1 ? null : inside.slice(bar + 1).trim();
    if (name === '') problems.push(problem(part, 'empty', open));
    else if (!NAME.test(name) || !isTemplateVariable(name))
      problems.push(problem(part, 'unknown_variable', open, name));
    else placeholders.push({ name, fallback: fallback === '' ? null : fallback, start: open, end: end + 2 });
    index = end + 2;
  }
  // `{first_name}`: a known variable with single braces is a typo, never meant as text.
  for (const match of text.matchAll(/(?<!\{)\{\s*([a-z][a-z0-9_]*)\s*\}(?!\})/g)) {
    if (isTemplateVariable(match[1]!)) problems.push(problem(part, 'single_brace', match.index, match[1]));
  }
  return { placeholders, problems: problems.sort((a, b) => a.at - b.at) };
}

export interface TemplateSource {
  subject: string;
  plain: string;
  html: string;
}

export interface CheckedTemplate {
  problems: TemplateProblem[];
  /** The known variables used, in order of first use: the `variables` column. */
  variables: TemplateVariable[];
}

/** What saving a template checks: every part parses and names only known variables. */
export function checkTemplate(source: TemplateSource): CheckedTemplate {
  const problems: TemplateProblem[] = [];
  const variables = new Set<TemplateVariable>();
  for (const part of ['subject', 'plain', 'html'] as const) {
    const parsed = parse(source[part], part);
    problems.push(...parsed.problems);
    for (const placeholder of parsed.placeholders) variables.add(placeholder.name as TemplateVariable);
  }
  return { problems, variables: [...variables] };
}

export type RenderResult =
  | { ok: true; subject: string; plain: string; html: string }
  | { ok: false; problems: TemplateProblem[] };

/** A value as the email carries it: trimmed; in the subject, on one line (a header never takes a line break). */
const clean = (value: string, part: TemplatePart) =>
  part === 'subject'
    ? value
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim()
    : value.trim();

function fill(text: string, part: TemplatePart, values: TemplateValues, problems: TemplateProblem[]): string {
  const parsed = parse(text, part);
  problems.push(...parsed.problems);
  let out = '';
  let last = 0;
  for (const placeholder of parsed.placeholders) {
    const given = values[placeholder.name as TemplateVariable];
    const value = given && given.trim() !== '' ? given : placeholder.fallback;
    if (value === null) problems.push(problem(part, 'missing_value', placeholder.start, placeholder.name));
    const cleaned = clean(value ?? '', part);
    out += text.slice(last, placeholder.start) + (part === 'html' ? escapeHtml(cleaned) : cleaned);
    last = placeholder.end;
  }
  return out + text.slice(last);
}

/**
 * The email for one prospect, or every reason it cannot be written. Values are text: in
 * the HTML part they are escaped, in the subject kept on one line.
 */
export function renderTemplate(source: TemplateSource, values: TemplateValues): RenderResult {
  const problems: TemplateProblem[] = [];
  const subject = fill(source.subject, 'subject', values, problems);
  const plain = fill(source.plain, 'plain', values, problems);
  const html = fill(source.html, 'html', values, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, subject, plain, html };
}
