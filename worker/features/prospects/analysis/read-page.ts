import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { FormEvidence, FormField } from '../../../../schema/prospects-api';

/**
 * What one HTML page says about the business, read as a person would read it: parsed into
 * a tree by htmlparser2 and walked, never run. Scripts count only for the vendors their
 * addresses name; an address in a script or a comment is not "published". Pure: no I/O.
 */
export interface PageReading {
  url: string;
  title: string | null;
  /** `<html lang>`, lower case, its primary subtag ("fr" for fr-CA). */
  declaredLanguage: string | null;
  /** hreflang alternates' primary subtags. */
  alternateLanguages: string[];
  /** The visible text, whitespace collapsed. */
  text: string;
  links: { href: string; text: string }[];
  mailtos: string[];
  /** Addresses written in the visible text. */
  textEmails: string[];
  telephones: string[];
  /** A contact form, the best of the page's forms; null when none is one. */
  form: FormEvidence | null;
  /** Name, email and message inputs outside any <form>, sent by a script. */
  javascriptOnlyForm: boolean;
  /** Addresses of scripts, iframes and links: where vendors show themselves. */
  resources: string[];
  viewport: boolean;
  generator: string | null;
  description: string | null;
  headings: string[];
}

const HIDDEN_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'option', 'textarea']);
const EMAIL = /[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9])?@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/gi;
const PHONE = /(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}/g;
/** "Fax :", "Téléc. :", "Télécopieur" just before a number: not a line to call. */
const FAX_LABEL = /(?:fax|t[ée]l[ée]c(?:opieur)?\.?)\s*[:.]?\s*$/i;
/** "info [at] domaine [point] ca", "info (arobase) domaine (dot) ca": an address spelled out against harvesters. */
const SPELLED_EMAIL =
  /([a-z0-9][a-z0-9._%+-]{0,63})\s*[[(]\s*(?:at|arobase|@)\s*[\])]\s*([a-z0-9-]+(?:\s*(?:[[(]\s*(?:dot|point)\s*[\])]|\.)\s*[a-z0-9-]+)+)/gi;

const attr = (element: Element, name: string): string | null => element.attribs[name] ?? null;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Inline display:none: keyword stuffing for search engines, or text a script may show later. */
const styledHidden = (element: Element) => /display\s*:\s*none/i.test(attr(element, 'style') ?? '');

function visibleText(nodes: readonly ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.data);
    else if (isElement(node) && !HIDDEN_TEXT.has(node.name) && attr(node, 'hidden') === null && !styledHidden(node)) {
      // Blocks end words: "Nous joindre</li><li>Services" is two words, not one.
      out.push(' ');
      visibleText(node.children, out);
      out.push(' ');
    }
  }
}

const textOf = (node: Element) => {
  const out: string[] = [];
  visibleText(node.children, out);
  return squash(out.join(''));
};

export function resolveUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readPage(html: string, url: string): PageReading {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  // Every element, scripts and styles included (domhandler gives them their own node types).
  const everything = DomUtils.findAll(() => true, document.children);
  const elements = everything.filter((element) => element.type === 'tag');
  const all = (name: string) => elements.filter((element) => element.name === name);
  const scripts = everything.filter((element) => element.name === 'script');

  const htmlElement = all('html')[0];
  const declared = htmlElement ? attr(htmlElement, 'lang') : null;
  const metas = all('meta');
  const meta = (name: string) =>
    metas.find((element) => attr(element, 'name')?.toLowerCase() === name)?.attribs.content?.trim() || null;

  const textParts: string[] = [];
  const body = all('body')[0];
  visibleText(body ? body.children : document.children, textParts);
  const text = squash(textParts.join(''));

  const links = all('a').flatMap((element) => {
    const href = attr(element, 'href');
    return href ? [{ href, text: textOf(element) }] : [];
  });
  const mailtos = links.flatMap(({ href }) => {
    if (!/^mailto:/i.test(href.trim())) return [];
    const address = decodeURIComponentSafe(href.trim().slice(7).split('?')[0]!).trim().toLowerCase();
    return new RegExp(`^${EMAIL.source}$`, 'i').test(address) ? [address] : [];
  });
  const telephones = links.flatMap(({ href }) => (/^tel:/i.test(href.trim()) ? [href.trim().slice(4)] : []));

  const resources = [
    ...scripts.flatMap((script) => {
      const src = attr(script, 'src');
      // An inline snippet names its vendor's host in its code (Tawk.to, HubSpot loaders).
      return src
        ? [src]
        : (DomUtils.textContent(script).match(/https?:\/\/[^\s'"`)]+|\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`)]*/gi) ?? []);
    }),
    ...all('iframe').flatMap((element) => (attr(element, 'src') ? [attr(element, 'src')!] : [])),
    ...all('link').flatMap((element) => (attr(element, 'href') ? [attr(element, 'href')!] : [])),
    ...links.map(({ href }) => href),
    ...elements.flatMap((element) => (attr(element, 'data-url') ? [attr(element, 'data-url')!] : [])),
  ];

  const forms = all('form').map((form) => readForm(form, url, scripts, resources));
  const contactForms = forms.filter((form) => form.contact);
  const best = contactForms.sort((a, b) => b.score - a.score)[0];

  return {
    url,
    title: squash(DomUtils.textContent(all('title')[0] ?? [])) || null,
    declaredLanguage: declared ? declared.toLowerCase().split(/[-_]/)[0]! : null,
    alternateLanguages: [
      ...new Set(
        all('link')
          .filter((element) => attr(element, 'rel')?.toLowerCase() === 'alternate' && attr(element, 'hreflang'))
          .map((element) => attr(element, 'hreflang')!.toLowerCase().split(/[-_]/)[0]!),
      ),
    ],
    text,
    links,
    mailtos: [...new Set(mailtos)],
    textEmails: [...new Set([...(text.match(EMAIL) ?? []), ...spelledEmails(text)].map((a) => a.toLowerCase()))],
    telephones: [...new Set([...telephones, ...textPhones(text)])],
    form: best?.evidence ?? null,
    javascriptOnlyForm: !best && looseInputsLookLikeAForm(elements),
    resources,
    viewport: metas.some((element) => attr(element, 'name')?.toLowerCase() === 'viewport'),
    generator: meta('generator'),
    description: meta('description'),
    headings: elements
      .filter((element) => /^h[1-3]$/.test(element.name))
      .map(textOf)
      .filter(Boolean)
      .slice(0, 20),
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// ─── Forms ──────────────────────────────────────────────────────────────────

const CAPTCHAS: readonly { kind: NonNullable<FormEvidence['captcha']>; marks: RegExp }[] = [
  { kind: 'recaptcha', marks: /g-recaptcha|recaptcha\/api\.js|recaptcha\/enterprise/i },
  { kind: 'hcaptcha', marks: /h-captcha|hcaptcha\.com/i },
  { kind: 'turnstile', marks: /cf-turnstile|challenges\.cloudflare\.com\/turnstile/i },
];

/** The numbers written in the text, but not those labelled as a fax. */
function textPhones(text: string): string[] {
  return [...text.matchAll(PHONE)]
    .filter((match) => !FAX_LABEL.test(text.slice(Math.max(0, match.index - 16), match.index)))
    .map((match) => match[0]);
}

/** Spelled-out addresses, written back as addresses; what is not one then is dropped. */
function spelledEmails(text: string): string[] {
  return [...text.matchAll(SPELLED_EMAIL)]
    .map(([, local, domain]) => `${local}@${domain!.replace(/\s*(?:[[(]\s*(?:dot|point)\s*[\])]|\.)\s*/gi, '.')}`)
    .filter((address) => new RegExp(`^${EMAIL.source}$`, 'i').test(address));
}

const FIELD_KINDS: readonly { kind: FormField['kind']; marks: RegExp }[] = [
  { kind: 'email', marks: /e-?mail|courriel|adresse[\s_-]?électronique|mel\b/i },
  { kind: 'phone', marks: /phone|t[ée]l[ée]?phone|\btel\b|\btél|cell|mobile/i },
  {
    kind: 'message',
    marks: /message|comment|question|details?|d[ée]tails|demande|besoin|inquiry|projet|project|description/i,
  },
  { kind: 'company', marks: /company|entreprise|soci[ée]t[ée]|organi[sz]ation|business/i },
  {
    kind: 'service',
    marks: /service|subject|sujet|objet|type|category|cat[ée]gorie|domaine|practice[\s_-]?area|motif/i,
  },
  // A pet's or a project's name is not the person's.
  { kind: 'other', marks: /animal|\bpet\b|chien|chat\b/i },
  { kind: 'name', marks: /name|nom|pr[ée]nom|full[\s_-]?name|your[\s_-]?name/i },
];

const fieldCount = (container: Element) =>
  DomUtils.findAll(
    (element) => FIELD_TAGS.has(element.name) && attr(element, 'type')?.toLowerCase() !== 'hidden',
    container.children,
  ).length;

/** A field a person is not meant to fill: bots do, so a form is "caught" by it. */
function isHoneypot(element: Element): boolean {
  const style = (attr(element, 'style') ?? '').replace(/\s/g, '').toLowerCase();
  const hiddenByStyle =
    style.includes('display:none') || style.includes('visibility:hidden') || style.includes('left:-');
  const marks = `${attr(element, 'class') ?? ''} ${attr(element, 'name') ?? ''} ${attr(element, 'id') ?? ''}`;
  const namedAsTrap = /honey|hp[_-]|[_-]hp\b|\bhp\b|trap|gotcha|bot[_-]?field/i.test(marks);
  const offTab = attr(element, 'tabindex') === '-1' && attr(element, 'autocomplete') === 'off';
  let parent = element.parent as Element | null;
  let parentHidden = false;
  for (let depth = 0; parent && depth < 3; depth++, parent = parent.parent as Element | null) {
    const parentStyle = (parent.attribs?.style ?? '').replace(/\s/g, '').toLowerCase();
    // A hidden box around several fields is a step of a multi-step form, shown by its "Next" button.
    const hiddenStep = parent.name === 'fieldset' || fieldCount(parent) > 1;
    if (
      (parentStyle.includes('display:none') && !hiddenStep) ||
      /honey|\bhp\b|hidden-field|visually-hidden-trap/i.test(parent.attribs?.class ?? '')
    ) {
      parentHidden = true;
    }
  }
  return namedAsTrap || hiddenByStyle || offTab || parentHidden;
}

function labelFor(element: Element, labels: readonly Element[]): string | null {
  const id = attr(element, 'id');
  const byFor = id ? labels.find((label) => attr(label, 'for') === id) : undefined;
  if (byFor) return textOf(byFor) || null;
  for (let parent = element.parent as Element | null; parent; parent = parent.parent as Element | null) {
    if (parent.name === 'label') return textOf(parent) || null;
    if (parent.name === 'form') break;
  }
  return attr(element, 'aria-label') ?? attr(element, 'placeholder') ?? null;
}

function fieldKind(element: Element, type: string, label: string | null, honeypot: boolean): FormField['kind'] {
  if (honeypot) return 'honeypot';
  if (type === 'hidden') return 'hidden';
  if (type === 'email') return 'email';
  if (type === 'tel') return 'phone';
  if (element.name === 'textarea') return 'message';
  const words = `${attr(element, 'name') ?? ''} ${attr(element, 'id') ?? ''} ${label ?? ''} ${attr(element, 'placeholder') ?? ''}`;
  const kind = FIELD_KINDS.find(({ marks }) => marks.test(words))?.kind ?? 'other';
  // A list to choose from ("Type de projet", "Votre demande") names the work wanted, never the free text.
  return kind === 'message' && (element.name === 'select' || type === 'radio') ? 'service' : kind;
}

const FIELD_TAGS = new Set(['input', 'select', 'textarea']);
const SKIPPED_TYPES = new Set(['submit', 'button', 'reset', 'image']);

function readFields(container: Element): FormField[] {
  const descendants = DomUtils.findAll((element) => FIELD_TAGS.has(element.name), container.children);
  const labels = DomUtils.findAll((element) => element.name === 'label', container.children);
  return descendants.flatMap((element) => {
    const type = (element.name === 'input' ? (attr(element, 'type') ?? 'text') : element.name).toLowerCase();
    if (SKIPPED_TYPES.has(type)) return [];
    const label = labelFor(element, labels);
    const honeypot = type !== 'hidden' && isHoneypot(element);
    const options =
      element.name === 'select'
        ? DomUtils.findAll((option) => option.name === 'option', element.children)
            .map((option) => attr(option, 'value') ?? textOf(option))
            .filter((value) => value.trim() !== '')
        : undefined;
    return [
      {
        name: attr(element, 'name'),
        type,
        label,
        required: attr(element, 'required') !== null || attr(element, 'aria-required') === 'true',
        kind: fieldKind(element, type, label, honeypot),
        value: element.name === 'input' ? attr(element, 'value') : null,
        ...(options ? { options } : {}),
      },
    ];
  });
}

function readForm(form: Element, url: string, scripts: readonly Element[], resources: readonly string[]) {
  const fields = readFields(form);
  const visible = fields.filter((field) => field.kind !== 'hidden' && field.kind !== 'honeypot');
  const kinds = new Set(visible.map((field) => field.kind));
  const formText = textOf(form).toLowerCase();
  const role = attr(form, 'role')?.toLowerCase();
  const isSearch =
    role === 'search' ||
    fields.some((field) => field.type === 'search') ||
    (visible.length === 1 && /^(q|s|search|recherche)$/i.test(visible[0]!.name ?? ''));
  const isNewsletter =
    !kinds.has('message') &&
    visible.length <= 2 &&
    kinds.has('email') &&
    /newsletter|infolettre|abonn|subscribe|inscri/i.test(
      `${formText} ${attr(form, 'class') ?? ''} ${attr(form, 'id') ?? ''}`,
    );
  const isLogin = fields.some((field) => field.type === 'password');
  const contact =
    !isSearch && !isNewsletter && !isLogin && (kinds.has('message') || (kinds.has('email') && visible.length >= 3));

  const marks = [
    DomUtils.getOuterHTML(form).slice(0, 20_000),
    ...scripts.map((script) => attr(script, 'src') ?? ''),
    ...resources.filter((resource) => /captcha|turnstile/i.test(resource)),
  ].join(' ');
  const captcha = CAPTCHAS.find(({ marks: pattern }) => pattern.test(marks))?.kind ?? null;
  const method = attr(form, 'method')?.toLowerCase() === 'get' ? 'get' : 'post';
  const evidence: FormEvidence = {
    pageUrl: url,
    action: resolveUrl(attr(form, 'action') || url, url) ?? url,
    method,
    enctype: attr(form, 'enctype')?.toLowerCase() ?? 'application/x-www-form-urlencoded',
    fields,
    captcha,
    multiStep: isMultiStep(form),
  };
  return { contact, evidence, score: (kinds.has('message') ? 10 : 0) + visible.length };
}

/** Steps a script reveals: hidden fieldsets (or boxes of fields), or several data-step sections. */
function isMultiStep(form: Element): boolean {
  const hiddenSteps = DomUtils.findAll(
    (element) => styledHidden(element) && (element.name === 'fieldset' || fieldCount(element) > 1),
    form.children,
  );
  const marked = DomUtils.findAll((element) => attr(element, 'data-step') !== null, form.children);
  return hiddenSteps.length > 0 || marked.length > 1;
}

/** An email input and a message box with no <form> around them: a form only a script can send. */
function looseInputsLookLikeAForm(elements: readonly Element[]): boolean {
  const inForm = (element: Element) => {
    for (let parent = element.parent as Element | null; parent; parent = parent.parent as Element | null) {
      if (parent.name === 'form') return true;
    }
    return false;
  };
  const loose = elements.filter((element) => FIELD_TAGS.has(element.name) && !inForm(element));
  const hasMessage = loose.some((element) => element.name === 'textarea');
  const hasEmail = loose.some(
    (element) =>
      attr(element, 'type') === 'email' ||
      /e-?mail|courriel/i.test(
        `${attr(element, 'name') ?? ''} ${attr(element, 'id') ?? ''} ${attr(element, 'placeholder') ?? ''}`,
      ),
  );
  return hasMessage && hasEmail;
}
