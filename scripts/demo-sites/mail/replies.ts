/**
 * How the demo businesses answer their contact forms: reading a submitted form (who wrote,
 * to which address, asking what), the guard that keeps the demo server from mailing the
 * Internet, and the answer each kind of autoresponder writes, in the shapes real mail takes
 * (README in scripts/demo-sites, "Form answers").
 */
import {
  buildMessage,
  type Charset,
  htmlOf,
  type MimePart,
  mailbox,
  messageId,
  rfc5322Date,
  type TransferEncoding,
  unstructured,
} from './mime';

export type Autoresponder = 'robotic' | 'personalized' | 'human' | 'none';
export type ReplyLanguage = 'fr' | 'en';

/** What the mail needs to know about a business (a DemoBusiness fits). */
export interface ReplyingBusiness {
  slug: string;
  businessName: string;
  website: string;
  phone: string;
  email: string | null;
  languages: string[];
}

export interface Inquiry {
  /** The reply address the visitor gave. */
  replyTo: string;
  /** As submitted (first and last names joined), or null. */
  name: string | null;
  firstName: string | null;
  message: string | null;
  /** What kind of work or visit was asked for (a select such as service, motif, projet). */
  service: string | null;
  phone: string | null;
  /** Every text field as submitted, in order (files left out). */
  fields: [string, string][];
  language: ReplyLanguage;
  receivedAt: Date;
}

export interface ComposedReply {
  /** The envelope sender and recipient for the inbound endpoint's `from` and `to`. */
  envelopeFrom: string;
  to: string;
  raw: Buffer;
}

const MAX_FIELDS = 60;
const MAX_VALUE_CHARS = 5_000;
const EXCERPT_CHARS = 200;

// ---------------------------------------------------------------------------------------
// Addresses

const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A single plain address (no display name, no spaces or line breaks), at most 254 characters. */
export const isAddress = (value: string) => value.length <= 254 && ADDRESS.test(value);

/**
 * The guard: the demo server only ever mails a domain that cannot be a real one, so a form
 * filled in with someone's real address never reaches the Internet.
 */
export function isTestAddress(address: string): boolean {
  if (!isAddress(address)) return false;
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return /\.(local|test|invalid|example)$/.test(domain) || /(^|\.)localhost$/.test(domain);
}

/** True for http(s)://localhost, 127.x.x.x or [::1]: the only inbound endpoints the demo server posts to. */
export function isLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const businessAddress = (business: ReplyingBusiness) => business.email ?? `info@${business.slug}.test`;

// ---------------------------------------------------------------------------------------
// Reading a form

/** A field name as words: "_wpcf7_locale" → "wpcf7_locale", "your-email" → "email", "Prénom" → "prenom". */
function fieldKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(your|votre|input|field|form|contact)_(?=.)/, '');
}
const tokensOf = (key: string) => key.split('_');

const EMAIL_KEYS = new Set([
  'email',
  'e_mail',
  'courriel',
  'couriel',
  'mail',
  'replyto',
  'reply_to',
  'adresse_courriel',
]);
const NOT_SENDER = new Set([
  'recipient',
  'recipients',
  'destinataire',
  'to',
  'cc',
  'bcc',
  'redirect',
  'next',
  'subscribe',
]);
const FIRST_NAME_KEYS = new Set(['prenom', 'first_name', 'firstname', 'fname', 'given_name']);
const LAST_NAME_KEYS = new Set([
  'last_name',
  'lastname',
  'lname',
  'family_name',
  'surname',
  'nom_de_famille',
  'nom_famille',
]);
const NAME_TOKENS = new Set(['nom', 'name', 'fullname', 'nomcomplet']);
const NOT_PERSON = new Set([
  'animal',
  'pet',
  'company',
  'entreprise',
  'business',
  'societe',
  'compagnie',
  'organisation',
  'organization',
  'user',
  'username',
  'file',
  'fichier',
  'domain',
  'domaine',
  'site',
]);
const MESSAGE_TOKENS = new Set([
  'message',
  'messages',
  'msg',
  'commentaire',
  'commentaires',
  'comment',
  'comments',
  'precisions',
  'precision',
  'details',
  'detail',
  'description',
  'notes',
  'note',
  'question',
  'questions',
  'texte',
  'body',
  'situation',
  'besoin',
  'besoins',
  'inquiry',
  'enquiry',
]);
const SERVICE_KEYS = new Set([
  'service',
  'services',
  'domaine',
  'projet',
  'project',
  'motif',
  'demande',
  'type_travaux',
  'travaux',
  'type_de_service',
  'interest',
]);
const PHONE_TOKENS = new Set(['tel', 'telephone', 'phone', 'cell', 'cellulaire', 'mobile']);
const LANGUAGE_KEYS = new Set(['lang', 'langue', 'language', 'locale', 'wpcf7_locale', 'hl']);

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * Who wrote, to which address, asking what; null when no reply address can be found.
 * `path` is the site path the form posted to (a bilingual site answers in the language of
 * its form: a `lang`/`langue` field, else an /en or /fr path, else the site's first language).
 */
export function readInquiry(
  submitted: [string, string][],
  business: ReplyingBusiness,
  path: string,
  receivedAt: Date = new Date(),
): Inquiry | null {
  const fields = submitted
    .slice(0, MAX_FIELDS)
    .map(([name, value]): [string, string] => [name, value.replace(/\r\n?/g, '\n').trim().slice(0, MAX_VALUE_CHARS)])
    .filter(([, value]) => value !== '');
  const keyed = fields.map(([name, value]) => ({ name, value, key: fieldKey(name), tokens: tokensOf(fieldKey(name)) }));
  const own = businessAddress(business).toLowerCase();
  const ownDomain = `@${business.slug}.test`;

  const senderField = (entry: (typeof keyed)[number]) => !entry.tokens.some((token) => NOT_SENDER.has(token));
  const named = keyed.find(
    (entry) =>
      senderField(entry) &&
      (EMAIL_KEYS.has(entry.key) || entry.tokens.some((t) => t === 'email' || t === 'courriel')) &&
      isAddress(entry.value),
  );
  const anyAddress = keyed.find(
    (entry) =>
      senderField(entry) &&
      isAddress(entry.value) &&
      entry.value.toLowerCase() !== own &&
      !entry.value.toLowerCase().endsWith(ownDomain),
  );
  const address = (named ?? anyAddress)?.value;
  if (!address) return null;

  const person = (entry: (typeof keyed)[number]) =>
    !isAddress(entry.value) && entry.value.length <= 100 && !entry.tokens.some((token) => NOT_PERSON.has(token));
  const first = keyed.find((entry) => FIRST_NAME_KEYS.has(entry.key) && person(entry))?.value;
  const last = keyed.find((entry) => LAST_NAME_KEYS.has(entry.key) && person(entry))?.value;
  const full = keyed.find(
    (entry) =>
      !FIRST_NAME_KEYS.has(entry.key) &&
      !LAST_NAME_KEYS.has(entry.key) &&
      entry.tokens.some((token) => NAME_TOKENS.has(token)) &&
      person(entry),
  )?.value;
  const name = squash([first, last ?? full].filter(Boolean).join(' ')) || null;
  const firstName = first ? squash(first) : name ? (name.split(' ')[0] ?? null) : null;

  const messageEntry =
    keyed.find((entry) => entry.tokens.some((token) => MESSAGE_TOKENS.has(token))) ??
    keyed
      .filter((entry) => !isAddress(entry.value) && entry.value.split(/\s+/).length >= 4)
      .sort((a, b) => b.value.length - a.value.length)[0];
  const service = keyed.find((entry) => SERVICE_KEYS.has(entry.key))?.value ?? null;
  const phone = keyed.find((entry) => entry.tokens.some((token) => PHONE_TOKENS.has(token)))?.value ?? null;

  const declared = keyed.find((entry) => LANGUAGE_KEYS.has(entry.key))?.value.toLowerCase();
  const fromPath = /^\/(en|fr)(?:[/._-]|$)/i.exec(path)?.[1]?.toLowerCase();
  const wanted = declared?.startsWith('en') ? 'en' : declared?.startsWith('fr') ? 'fr' : fromPath;
  const language = (
    wanted && business.languages.includes(wanted) ? wanted : (business.languages[0] ?? 'fr')
  ) as ReplyLanguage;

  return {
    replyTo: address,
    name,
    firstName,
    message: messageEntry?.value ?? null,
    service: service ? squash(service) : null,
    phone: phone ? squash(phone) : null,
    fields,
    language,
    receivedAt,
  };
}

// ---------------------------------------------------------------------------------------
// Writing the answer

/** How one business's mail looks: its software, its sender, its encoding. */
interface Shape {
  charset: Charset;
  encoding: TransferEncoding;
  /** Plain text only (default), HTML only, or both as multipart/alternative. */
  body: 'text' | 'html' | 'alternative';
  /** Who it comes from: the business's address, a no-reply one, or WordPress's default sender. */
  sender: 'business' | 'no-reply' | 'wordpress';
  autoSubmitted: boolean;
  mailer?: string;
  /** The first name a person signs with (human answers). */
  signer?: string;
  /** The signer's full name for the From header. */
  signerFullName?: string;
  /** Quote the inquiry below the answer, as a mail client quotes the site's notification. */
  quote: boolean;
  /** Written on a phone ("Envoyé de mon iPhone"). */
  mobile: boolean;
}

const DEFAULT_SHAPE: Shape = {
  charset: 'utf-8',
  encoding: 'quoted-printable',
  body: 'text',
  sender: 'business',
  autoSubmitted: false,
  quote: false,
  mobile: false,
};

/** The businesses with a shape of their own; any other business answers in DEFAULT_SHAPE (robotic ones auto-submitted). */
const SHAPES: Record<string, Partial<Shape>> = {
  // An old sendmail/PHP mail() template in Latin-1.
  'plomberie-gagnon': { charset: 'iso-8859-1', autoSubmitted: true, mailer: 'PHP/5.2.17' },
  // Contact Form 7's "Mail (2)" answer, sent by WordPress from its default address.
  'renovations-pro-design': { sender: 'wordpress', mailer: 'PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)' },
  // A platform's HTML-only confirmation from a no-reply address.
  'west-island-plumbing': { body: 'html', sender: 'no-reply', autoSubmitted: true, mailer: 'ServiceDesk Mailer 4.2' },
  'centre-dentaire-st-denis': { body: 'alternative', mailer: 'Dentitek Communications' },
  'hopital-veterinaire-des-rivieres': { encoding: 'base64', mailer: 'VetConnect 3' },
  'lakeshore-accounting': { body: 'alternative', encoding: 'base64', mailer: 'Lakeshore CRM' },
  'thermopompes-rive-sud': {
    signer: 'Martin',
    signerFullName: 'Martin Girard',
    quote: true,
    mailer: 'Microsoft Outlook 16.0',
  },
  'capital-roofing': {
    charset: 'us-ascii',
    encoding: '7bit',
    signer: 'Dave',
    signerFullName: 'Dave Kowalski',
    mobile: true,
    mailer: 'iPhone Mail (21E236)',
  },
  'lachance-immobilier': {
    encoding: '8bit',
    signer: 'Stéphanie',
    signerFullName: 'Stéphanie Lachance',
    mailer: 'Mozilla Thunderbird 128.5',
  },
};

/** A short excerpt of what was asked, cut at a word: what a personalized answer quotes. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = squash(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
}

interface Draft {
  subject: string;
  text: string;
}

interface Context {
  business: ReplyingBusiness;
  inquiry: Inquiry;
  shape: Shape;
  field: (name: string) => string | null;
}

function robotic({ business, inquiry, shape }: Context): Draft {
  const wordpress = shape.sender === 'wordpress';
  if (inquiry.language === 'fr') {
    return {
      subject: wordpress ? `${business.businessName} - Nous avons bien reçu votre message` : 'Accusé de réception',
      text: [
        'Bonjour,',
        '',
        'Merci de nous avoir écrit, nous vous reviendrons dans les 24 à 48 heures ouvrables.',
        '',
        `Pour une urgence, appelez-nous au ${business.phone}.`,
        '',
        ...(wordpress
          ? [
              `L'équipe de ${business.businessName}`,
              '',
              '-- ',
              `Ce courriel a été envoyé par le formulaire de contact de ${business.businessName} (${business.website})`,
            ]
          : [
              'Ceci est un message automatique, merci de ne pas y répondre.',
              '',
              business.businessName,
              business.phone,
            ]),
      ].join('\n'),
    };
  }
  return {
    subject: 'We received your message',
    text: [
      'Hello,',
      '',
      `Thank you for contacting ${business.businessName}. This is an automatic confirmation that we received your message. A member of our team will get back to you within 1 to 2 business days.`,
      '',
      `For emergencies, call us at ${business.phone}.`,
      '',
      'Please do not reply to this email.',
      '',
      business.businessName,
      business.phone,
    ].join('\n'),
  };
}

function personalized({ business, inquiry, field }: Context): Draft {
  const quoted = inquiry.message ? excerpt(inquiry.message) : null;
  if (business.slug === 'hopital-veterinaire-des-rivieres') {
    const pet = field('nom_animal');
    const species = field('espece');
    const reason = field('motif');
    return {
      subject: `Votre demande de rendez-vous${pet ? ` pour ${pet}` : ''}`,
      text: [
        inquiry.name ? `Bonjour ${inquiry.name},` : 'Bonjour,',
        '',
        `Nous avons bien reçu votre demande de rendez-vous${pet ? ` pour ${pet}` : ''}${species ? ` (${species.toLowerCase()})` : ''}${reason ? `, motif : ${reason.toLowerCase()}` : ''}.`,
        ...(quoted ? ['', `Vous nous précisez : « ${quoted} »`] : []),
        '',
        `Notre équipe vous appellera${inquiry.phone ? ` au ${inquiry.phone}` : ''} dans la journée pour vous proposer une plage horaire.`,
        '',
        'En cas d’urgence en dehors des heures d’ouverture, composez le 819 555-0123.',
        '',
        `L’équipe de l’${business.businessName}`,
        business.phone,
      ].join('\n'),
    };
  }
  const topic = askedAbout(inquiry.message ?? '');
  if (inquiry.language === 'fr') {
    return {
      subject: 'Re: Votre demande',
      text: [
        inquiry.name ? `Bonjour ${inquiry.name},` : 'Bonjour,',
        '',
        topic
          ? `Oui, ${topic} : c’est une bonne part de notre travail, et nous pouvons vous aider.`
          : 'Oui, nous pouvons vous aider avec ce que vous décrivez.',
        'Pour répondre à votre question sur les délais : nous avons habituellement une place dans la semaine. Je vous propose un court appel pour voir ce qu’il vous faut; quel moment vous convient?',
        '',
        'Au plaisir,',
        `L’équipe – ${business.businessName}`,
        business.phone,
      ].join('\n'),
    };
  }
  return {
    subject: inquiry.firstName ? `Re: your question, ${inquiry.firstName}` : 'Re: your question',
    text: [
      inquiry.firstName ? `Hi ${inquiry.firstName},` : 'Hi,',
      '',
      topic
        ? `Thanks for writing to ${business.businessName}${inquiry.service ? ` about ${inquiry.service.toLowerCase()}` : ''}. Yes, ${topic}: that is a big part of what we do, and we can help.`
        : `Thanks for writing to ${business.businessName}${inquiry.service ? ` about ${inquiry.service.toLowerCase()}` : ''}. Yes, we can help with what you describe.`,
      'To answer your question on timing: we usually have an opening within the week. Could we have a short call to see what you need? What time suits you?',
      '',
      'Best regards,',
      business.businessName,
      business.phone,
    ].join('\n'),
  };
}

/**
 * What the question asks about, in at most five of its words ("Offrez-vous les soins
 * dentaires pour les enfants?" → "les soins dentaires pour les enfants" cut to five): taken
 * up in a sentence of the answer, never quoted whole, as a person who read it would.
 */
function askedAbout(message: string): string | null {
  const sentences = message.split(/(?<=[.!?])\s+|\n+/).map((sentence) => sentence.trim());
  const question = sentences.find((sentence) => sentence.endsWith('?') && sentence.length >= 8);
  const PREPOSITION = /^(?:pour|de|du|des|à|au|aux|dans|en|sur|the|for|of|to|in|on|with|avec)$/i;
  const ARTICLE = /^(?:le|la|les|l’|l'|un|une|des|the|a|an|your|votre|vos)$/i;
  if (question) {
    const object = question
      .slice(0, -1)
      .replace(/^\s*(?:est-ce que\s+)?\p{L}+-(?:vous|tu)\s+/iu, '')
      .replace(/^\s*(?:do|are|can|could|will)\s+you\s+\p{L}+\s+/iu, '')
      .split(/,|\s(?:et|and|ou|or)\s/)[0]!
      .trim();
    // Four words at most, so the answer takes the question up without copying it.
    const words = object.split(/\s+/).filter(Boolean).slice(0, 4);
    while (words.length > 1 && (PREPOSITION.test(words.at(-1)!) || ARTICLE.test(words.at(-1)!))) words.pop();
    return words.length > 0 ? words.join(' ') : null;
  }
  // No question: what the first real sentence ends on ("… pour un blanchiment." → "un blanchiment").
  const statement = sentences.find((sentence) => sentence.split(/\s+/).length >= 4)?.replace(/[.!]+$/, '');
  if (!statement) return null;
  const words = statement.split(/\s+/).slice(-4);
  while (words.length > 1 && PREPOSITION.test(words[0]!)) words.shift();
  const preposition = words.findIndex((word) => PREPOSITION.test(word));
  return (preposition >= 0 ? words.slice(preposition + 1) : words).join(' ') || null;
}

function human({ business, inquiry, shape }: Context): Draft {
  const signer = shape.signer ?? (inquiry.language === 'fr' ? 'Julie' : 'Sarah');
  if (inquiry.language === 'fr') {
    const signature = shape.mobile
      ? [signer, '', 'Envoyé de mon iPhone']
      : [signer, '', ...(shape.signerFullName ? [shape.signerFullName] : []), business.businessName, business.phone];
    return {
      subject: shape.quote ? 'Re: Nouvelle demande du site web' : 'Suivi de votre demande',
      text: [
        'Bonjour,',
        '',
        'Merci pour votre message. Je regarde ça et je vous rappelle d’ici demain pour en discuter.',
        '',
        'Bonne journée,',
        '',
        ...signature,
      ].join('\n'),
    };
  }
  const signature = shape.mobile
    ? [signer, '', 'Sent from my iPhone']
    : [signer, '', ...(shape.signerFullName ? [shape.signerFullName] : []), business.businessName, business.phone];
  return {
    subject: shape.quote
      ? 'Re: New website inquiry'
      : shape.mobile
        ? 'Your estimate request'
        : 'Following up on your message',
    text: [
      'Hi,',
      '',
      'Thanks for getting in touch. I will take a look and give you a call tomorrow to go over it.',
      '',
      ...signature,
    ].join('\n'),
  };
}

const LABELS: Record<string, [string, string]> = {
  nom: ['Nom', 'Name'],
  name: ['Nom', 'Name'],
  courriel: ['Courriel', 'Email'],
  email: ['Courriel', 'Email'],
  telephone: ['Téléphone', 'Phone'],
  tel: ['Téléphone', 'Phone'],
  phone: ['Téléphone', 'Phone'],
  precisions: ['Précisions', 'Details'],
  message: ['Message', 'Message'],
};

/** "Le mer. 14 janv. 2026 à 10:02" / "On Wed, Jan 14, 2026 at 10:02", Montreal time, as Gmail writes it. */
function quoteDate(date: Date, language: ReplyLanguage): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-US', {
      timeZone: 'America/Toronto',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return language === 'fr'
    ? `Le ${parts.weekday} ${parts.day} ${parts.month} ${parts.year} à ${parts.hour}:${parts.minute}`
    : `On ${parts.weekday}, ${parts.month} ${parts.day}, ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** The site's notification as the person's mail client quotes it below the answer. */
function quotedInquiry(business: ReplyingBusiness, inquiry: Inquiry): string {
  const fr = inquiry.language === 'fr';
  const sender = `${fr ? 'Site web' : 'Website'} ${business.businessName} <${businessAddress(business)}>`;
  const rows = inquiry.fields
    .filter(([name]) => !name.startsWith('_'))
    .flatMap(([name, value]) => {
      const key = fieldKey(name);
      const label = LABELS[key]?.[fr ? 0 : 1] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
      const [head, ...rest] = value.split('\n');
      return [`${label}${fr ? ' :' : ':'} ${head}`, ...rest];
    });
  const intro = `${quoteDate(inquiry.receivedAt, inquiry.language)}, ${sender} ${fr ? 'a écrit :' : 'wrote:'}`;
  return [intro, ...rows.map((row) => (row ? `> ${row}` : '>'))].join('\n');
}

/**
 * The answer a business of that kind sends to an inquiry, or null (`none`, or an address
 * the guard refuses). `now` is when it is sent (its Date header).
 */
export function composeReply(
  business: ReplyingBusiness,
  kind: Autoresponder,
  inquiry: Inquiry,
  now: Date = new Date(),
): ComposedReply | null {
  if (kind === 'none' || !isTestAddress(inquiry.replyTo)) return null;
  const shape: Shape = {
    ...DEFAULT_SHAPE,
    ...(kind === 'robotic' && !SHAPES[business.slug] ? { autoSubmitted: true, sender: 'no-reply' as const } : {}),
    ...SHAPES[business.slug],
  };
  const field = (name: string) => inquiry.fields.find(([key]) => key === name)?.[1] ?? null;
  const context: Context = { business, inquiry, shape, field };
  const draft =
    kind === 'robotic' ? robotic(context) : kind === 'personalized' ? personalized(context) : human(context);
  const text = shape.quote ? `${draft.text}\n\n${quotedInquiry(business, inquiry)}` : draft.text;

  const domain = `${business.slug}.test`;
  const own = businessAddress(business);
  const fromAddress =
    shape.sender === 'no-reply' ? `no-reply@${domain}` : shape.sender === 'wordpress' ? `wordpress@${domain}` : own;
  const fromName =
    kind === 'human' && shape.signerFullName
      ? shape.signerFullName
      : kind === 'human' && shape.signer
        ? `${shape.signer} - ${business.businessName}`
        : business.businessName;
  const headers: [string, string][] = [
    ['Date', rfc5322Date(now)],
    ['From', mailbox(fromAddress, fromName, shape.charset === 'us-ascii' ? 'utf-8' : shape.charset)],
  ];
  if (fromAddress !== own) headers.push(['Reply-To', own]);
  headers.push(
    ['To', inquiry.replyTo],
    ['Subject', unstructured(draft.subject, shape.charset === 'us-ascii' ? 'utf-8' : shape.charset)],
    ['Message-ID', messageId(domain)],
  );
  if (shape.autoSubmitted) {
    headers.push(['Auto-Submitted', 'auto-replied'], ['X-Auto-Response-Suppress', 'All'], ['Precedence', 'auto_reply']);
  }
  if (shape.mailer) headers.push(['X-Mailer', shape.mailer]);
  headers.push(['Content-Language', inquiry.language === 'fr' ? 'fr-CA' : 'en-CA']);

  const html = (): MimePart => ({ type: 'text/html', content: htmlOf(text, draft.subject, inquiry.language) });
  const parts: MimePart[] =
    shape.body === 'html'
      ? [html()]
      : shape.body === 'alternative'
        ? [{ type: 'text/plain', content: text }, html()]
        : [{ type: 'text/plain', content: text }];
  // A 7-bit shape only holds ASCII; a reply that quotes accented text falls back to quoted-printable.
  const ascii = parts.every((part) => Array.from(part.content).every((char) => char.charCodeAt(0) < 0x80));
  const fallback = shape.encoding === '7bit' && !ascii;
  return {
    envelopeFrom: fromAddress,
    to: inquiry.replyTo,
    raw: buildMessage({
      headers,
      parts,
      charset: fallback ? 'utf-8' : shape.charset,
      encoding: fallback ? 'quoted-printable' : shape.encoding,
    }),
  };
}
