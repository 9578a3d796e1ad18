import type { EmailEvidence, FetchedPageEvidence, SiteEvidence } from '../../../../schema/prospects-api';
import type { Language } from '../../../../schema/vocabulary';
import { normalizePhone } from '../website';
import type { PageReading } from './read-page';

/**
 * From the pages read to what the site shows: vendors, addresses with their CASL evidence,
 * the notice, the site's languages and age. Pure: the pages are already fetched and parsed.
 */

/** Chat widgets by the hosts their embed snippets load from. */
const CHAT_WIDGETS: readonly { name: string; marks: RegExp }[] = [
  { name: 'tawk', marks: /embed\.tawk\.to|tawk\.to\/chat/i },
  { name: 'intercom', marks: /widget\.intercom\.io|js\.intercomcdn\.com/i },
  { name: 'crisp', marks: /client\.crisp\.chat/i },
  { name: 'tidio', marks: /code\.tidio\.co/i },
  { name: 'hubspot', marks: /js\.hs-scripts\.com|js\.usemessages\.com/i },
  { name: 'messenger', marks: /connect\.facebook\.net\/[a-z_]+\/sdk\/xfbml\.customerchat|m\.me\//i },
  { name: 'livechat', marks: /cdn\.livechatinc\.com/i },
  { name: 'drift', marks: /js\.driftt\.com/i },
  { name: 'zendesk', marks: /static\.zdassets\.com\/ekr\/snippet/i },
  { name: 'olark', marks: /static\.olark\.com/i },
];

/** Online booking tools by their hosts. */
const BOOKING_TOOLS: readonly { name: string; marks: RegExp }[] = [
  { name: 'calendly', marks: /calendly\.com/i },
  { name: 'gorendezvous', marks: /gorendezvous\.com/i },
  { name: 'janeapp', marks: /\.janeapp\.com/i },
  { name: 'square', marks: /squareup\.com\/appointments|\.square\.site|book\.squareup\.com/i },
  { name: 'acuity', marks: /acuityscheduling\.com|as\.me\//i },
  { name: 'setmore', marks: /setmore\.com/i },
  { name: 'booksy', marks: /booksy\.com/i },
  { name: 'simplybook', marks: /simplybook\.(me|it)/i },
  { name: 'cliniko', marks: /cliniko\.com/i },
  { name: 'mindbody', marks: /mindbodyonline\.com/i },
  { name: 'fresha', marks: /fresha\.com/i },
  { name: 'housecallpro', marks: /housecallpro\.com/i },
  { name: 'jobber', marks: /getjobber\.com|clienthub\.getjobber/i },
  { name: 'zoho', marks: /bookings\.zoho\./i },
  { name: 'google-calendar', marks: /calendar\.google\.com\/calendar\/appointments/i },
];

const NO_SOLICITATION =
  /(?:no|aucune?|pas de)\s+(?:commercial\s+)?sollicitations?|no\s+solicit(?:ation|ing)s?|do(?:es)? not (?:accept|want|wish to receive)[^.]{0,40}(?:solicit|unsolicited|commercial e-?mail)|unsolicited (?:commercial )?(?:e-?mail|messages?|offers?)[^.]{0,30}(?:not|will be)|ne (?:d[ée]sirons|souhaitons|voulons|acceptons)[^.]{0,40}(?:sollicitation|offres? commerciales?)|sollicitations? (?:commerciales? )?(?:ne sont pas|non) (?:accept[ée]es|d[ée]sir[ée]es|sollicit[ée]es)/i;

const COPYRIGHT =
  /(?:©|\(c\)|copyright|tous droits r[ée]serv[ée]s|all rights reserved)[^.]{0,60}?((?:19|20)\d{2})(?:\s*[-–—à]\s*((?:19|20)\d{2}))?/gi;

// Whole words only: the "des" of Dollard-des-Ormeaux or the "la" of Baie-La-Rose is a place name, not French text.
const FRENCH_WORDS =
  /(?<![\p{L}-])(?:le|la|les|des|et|nous|vous|pour|avec|une|est|sont|votre|notre|dans|sur|qui|aux|du|à|accueil|soumission|courriel)(?![\p{L}-])/giu;
const ENGLISH_WORDS =
  /(?<![\p{L}-])(?:the|and|you|your|our|for|with|are|is|we|this|that|to|of|home|quote|email|contact us)(?![\p{L}-])/giu;

export function detect(names: readonly { name: string; marks: RegExp }[], resources: readonly string[]): string[] {
  const found = names.filter(({ marks }) => resources.some((resource) => marks.test(resource)));
  return found.map(({ name }) => name);
}

/** The page's language by what its words are, beside what its template declares. */
export function contentLanguage(text: string): Language | null {
  const french = text.match(FRENCH_WORDS)?.length ?? 0;
  const english = text.match(ENGLISH_WORDS)?.length ?? 0;
  if (french + english < 8) return null;
  return french >= english ? 'fr' : 'en';
}

/** A page's language: its words when they are clear (templates often declare lang="en" on French sites). */
function pageLanguage(page: PageReading): Language | null {
  const spoken = contentLanguage(page.text);
  if (spoken) return spoken;
  return page.declaredLanguage === 'fr' || page.declaredLanguage === 'en' ? page.declaredLanguage : null;
}

function siteLanguages(pages: readonly PageReading[]): Language[] {
  const languages = new Set<Language>();
  for (const page of pages) {
    const language = pageLanguage(page);
    if (language) languages.add(language);
    for (const alternate of page.alternateLanguages)
      if (alternate === 'fr' || alternate === 'en') languages.add(alternate);
    // A language switcher: a link named for the other language, to a path in it.
    for (const link of page.links) {
      const label = link.text.trim().toLowerCase();
      if ((label === 'english' || label === 'en') && /\/en(\/|$)|[?&]lang=en/i.test(link.href)) languages.add('en');
      if ((label === 'français' || label === 'francais' || label === 'fr') && /\/fr(\/|$)|[?&]lang=fr/i.test(link.href))
        languages.add('fr');
    }
  }
  // The home page's language first: it is the one the business greets people in.
  const first = pages[0] ? pageLanguage(pages[0]) : null;
  return [...languages].sort((a, b) => Number(b === first) - Number(a === first));
}

function copyrightYear(pages: readonly PageReading[], now: Date): number | null {
  let newest: number | null = null;
  for (const page of pages) {
    for (const match of page.text.matchAll(COPYRIGHT)) {
      const years = [match[1], match[2]].filter(Boolean).map(Number);
      for (const year of years)
        if (year <= now.getUTCFullYear() + 1 && (newest === null || year > newest)) newest = year;
    }
  }
  return newest;
}

function noticeOn(page: PageReading): string | null {
  const match = NO_SOLICITATION.exec(page.text);
  if (!match) return null;
  const start = Math.max(0, match.index - 60);
  return page.text.slice(start, match.index + match[0].length + 60).trim();
}

export interface ReadSite {
  pages: readonly PageReading[];
  fetched: readonly FetchedPageEvidence[];
  website: string;
  now: Date;
}

export function siteEvidence({ pages, fetched, website, now }: ReadSite): SiteEvidence {
  const resources = pages.flatMap((page) => page.resources);
  const notices = pages.map((page) => ({ page, excerpt: noticeOn(page) })).filter((entry) => entry.excerpt);
  // A notice in the footer of every page read covers the whole site; one on a page covers that page.
  const siteWide = notices.length > 0 && notices.length === pages.length;
  const foundAt = now.toISOString();

  const emails = new Map<string, EmailEvidence>();
  for (const page of pages) {
    const pageNotice = siteWide || notices.some((entry) => entry.page === page);
    const found = [
      ...page.mailtos.map((address) => ({ address, how: 'mailto' as const })),
      ...page.textEmails.map((address) => ({ address, how: 'text' as const })),
    ];
    for (const { address, how } of found) {
      const known = emails.get(address);
      if (known) {
        // Once behind a notice, always: the owner said so where the address stands.
        if (pageNotice && !known.noSolicitationNotice)
          emails.set(address, { ...known, noSolicitationNotice: true, contactable: false });
        continue;
      }
      emails.set(address, {
        address,
        pageUrl: page.url,
        foundAt,
        how,
        noSolicitationNotice: pageNotice,
        contactable: !pageNotice,
      });
    }
  }
  const forms = pages.flatMap((page) => (page.form ? [page.form] : []));
  // The form with the most fields a visitor fills; between equals, the first read (the site's own language before its translation).
  const filled = (form: (typeof forms)[number]) =>
    form.fields.filter((field) => field.kind !== 'hidden' && field.kind !== 'honeypot').length;
  const form = forms.sort((a, b) => filled(b) - filled(a))[0] ?? null;
  const phones = [
    ...new Set(
      pages
        .flatMap((page) => page.telephones)
        .map(normalizePhone)
        .filter((p): p is string => !!p),
    ),
  ];
  const firstNotice = notices[0];
  return {
    pages: [...fetched],
    emails: [...emails.values()],
    phones,
    form,
    javascriptOnlyForm: !form && pages.some((page) => page.javascriptOnlyForm),
    javascriptOnlyFormUrl: form ? null : (pages.find((page) => page.javascriptOnlyForm)?.url ?? null),
    chatWidgets: detect(CHAT_WIDGETS, resources),
    bookingTools: detect(BOOKING_TOOLS, resources),
    noSolicitation: firstNotice ? { pageUrl: firstNotice.page.url, excerpt: firstNotice.excerpt! } : null,
    copyrightYear: copyrightYear(pages, now),
    viewport: pages.some((page) => page.viewport),
    https: website.startsWith('https://'),
    languages: siteLanguages(pages),
  };
}

/** The address to write to: a contactable one on the site's own domain first, role addresses before personal ones. */
export function bestContactEmail(emails: readonly EmailEvidence[], domain: string): string | null {
  const rank = (email: EmailEvidence) =>
    (email.address.endsWith(`@${domain}`) || email.address.endsWith(`.${domain}`) ? 0 : 2) +
    (/^(info|contact|bonjour|hello|allo|salut|admin|service|reception|accueil|soumission|ventes?|sales)@/.test(
      email.address,
    )
      ? 0
      : 1);
  return [...emails].filter((email) => email.contactable).sort((a, b) => rank(a) - rank(b))[0]?.address ?? null;
}
