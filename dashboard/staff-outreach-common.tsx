import type { IconNode } from 'lucide';
import {
  Ban,
  CircleCheck,
  CircleSlash,
  Hourglass,
  MailCheck,
  MailOpen,
  MailX,
  Pause,
  Pencil,
  Play,
  Reply,
  Send,
} from 'lucide';
import type { ComponentChildren } from 'preact';
import type { OutreachEmailView } from '../schema/outreach-api';
import type { BilingualText } from '../schema/prospects-api';
import {
  type CampaignStatus,
  OUTREACH_EMAIL_STATUSES,
  type OutreachEmailStatus,
  type Province,
} from '../schema/vocabulary';
import { AppLink, Badge, type BadgeTone } from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import { formatDate, type Lang, type Strings } from './i18n';
import { shortDate } from './prospects-format';
import { PATHS } from './router';
import { count, share } from './staff-common';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';
import { PROSPECTS_STRINGS } from './strings/prospects';

/**
 * What the outreach screens share (staff-outreach.tsx, its campaign page, the approval
 * queue, the templates, the suppression list and the industries): the API's prefix, the
 * tabs between the pages, the statuses as badges, the industries and rates in words.
 */

/** Where the outreach API lives, under /api/app. */
export const OUTREACH_API = '/staff/outreach';

/** `GET /staff/outreach/emails`, of a campaign and of a status when given. */
export function emailsPath(query: { campaign?: string; status?: OutreachEmailStatus }): string {
  const params = new URLSearchParams();
  if (query.campaign) params.set('campaign', query.campaign);
  if (query.status) params.set('status', query.status);
  const search = params.toString();
  return `${OUTREACH_API}/emails${search ? `?${search}` : ''}`;
}

export type OutreachTab =
  | 'staff-outreach'
  | 'staff-outreach-approval'
  | 'staff-outreach-templates'
  | 'staff-outreach-suppressions'
  | 'staff-outreach-industries';
const TABS: readonly OutreachTab[] = [
  'staff-outreach',
  'staff-outreach-approval',
  'staff-outreach-templates',
  'staff-outreach-suppressions',
  'staff-outreach-industries',
];

/**
 * The outreach pages' sub-navigation: links drawn as the inbox's tabs, the page one is on
 * marked. `within`: on a page under the tab (a campaign's), so the tab is lit but is not
 * "the current page".
 */
export function OutreachTabs(props: {
  lang: Lang;
  current: OutreachTab;
  within?: boolean;
  go: (path: string) => void;
}) {
  const { lang, current } = props;
  const o = OUTREACH_STRINGS[lang];
  return (
    <nav class="tabs or-tabs" aria-label={o.orTabs}>
      {TABS.map((tab) => (
        <AppLink
          key={tab}
          href={PATHS[tab]}
          go={props.go}
          class={tab === current ? 'tab selected' : 'tab'}
          aria-current={tab === current && !props.within ? 'page' : undefined}
        >
          {tab === 'staff-outreach' ? o.orCampaignsTab : PROSPECT_SCREEN_NAMES[lang][tab]}
        </AppLink>
      ))}
    </nav>
  );
}

/** A text the API gives in both languages, in the reader's. */
export const bi = (text: BilingualText, lang: Lang): string => text[lang] || text.en;

/** "Label : " in French, "Label: " in English. */
export const colon = (lang: Lang) => (lang === 'fr' ? '\u00a0: ' : ': ');

const CAMPAIGN_TONE: Record<CampaignStatus, BadgeTone> = {
  draft: 'neutral',
  active: 'success',
  paused: 'warning',
  completed: 'info',
};
const CAMPAIGN_ICON: Record<CampaignStatus, IconNode> = {
  draft: Pencil,
  active: Play,
  paused: Pause,
  completed: CircleCheck,
};

export function CampaignStatusBadge(props: { lang: Lang; status: CampaignStatus }) {
  const { status } = props;
  return (
    <Badge tone={CAMPAIGN_TONE[status]} icon={CAMPAIGN_ICON[status]}>
      {OUTREACH_STRINGS[props.lang].orCampaignStatuses[status] ?? status}
    </Badge>
  );
}

const EMAIL_TONE: Record<OutreachEmailStatus, BadgeTone> = {
  pending: 'warning',
  approved: 'info',
  rejected: 'neutral',
  sent: 'brand',
  delivered: 'brand',
  opened: 'success',
  replied: 'success',
  bounced: 'danger',
  cancelled: 'neutral',
};
const EMAIL_ICON: Record<OutreachEmailStatus, IconNode> = {
  pending: Hourglass,
  approved: CircleCheck,
  rejected: Ban,
  sent: Send,
  delivered: MailCheck,
  opened: MailOpen,
  replied: Reply,
  bounced: MailX,
  cancelled: CircleSlash,
};

export function EmailStatusBadge(props: { lang: Lang; status: OutreachEmailStatus; children?: ComponentChildren }) {
  const { status } = props;
  return (
    <Badge tone={EMAIL_TONE[status]} icon={EMAIL_ICON[status]}>
      {OUTREACH_STRINGS[props.lang].orEmailStatuses[status] ?? status}
      {props.children}
    </Badge>
  );
}

/** A campaign's emails by status, as badges with their counts, in the statuses' order. */
export function EmailsByStatus(props: { lang: Lang; counts: Partial<Record<OutreachEmailStatus, number>> }) {
  const { lang, counts } = props;
  const shown = OUTREACH_EMAIL_STATUSES.filter((status) => (counts[status] ?? 0) > 0);
  if (shown.length === 0) return <span class="muted">{OUTREACH_STRINGS[lang].orNoEmailsYet}</span>;
  return (
    <span class="pr-badges">
      {shown.map((status) => (
        <EmailStatusBadge key={status} lang={lang} status={status}>
          {' '}
          {count(counts[status] ?? 0, lang)}
        </EmailStatusBadge>
      ))}
    </span>
  );
}

/** A moment in a table: short, its full date on hover, readable by machines. */
export const When = (props: { iso: string; lang: Lang }) => (
  <time class="or-when" dateTime={props.iso} title={formatDate(props.iso, props.lang)}>
    {shortDate(props.iso, props.lang)}
  </time>
);

/** The step in words: the first email, or its follow-up. */
export const stepName = (o: OutreachStrings, lang: Lang, step: number) =>
  step <= 1 ? o.orFirstEmail : o.orFollowUp(count(step - 1, lang));

/** When an email went, or is to go. */
export function EmailWhen(props: { lang: Lang; email: OutreachEmailView }) {
  const { lang, email } = props;
  const o = OUTREACH_STRINGS[lang];
  if (email.sentAt)
    return (
      <span class="ft-moment">
        <span class="muted">{o.orSentAt}</span>
        <When iso={email.sentAt} lang={lang} />
      </span>
    );
  if (email.scheduledFor)
    return (
      <span class="ft-moment">
        <span class="muted">{o.orScheduledFor}</span>
        <When iso={email.scheduledFor} lang={lang} />
      </span>
    );
  return <span class="muted">{o.orNotScheduled}</span>;
}

/** A rate the API gives in percent (0–100): "12,5 %" / "12.5%". */
export const percent = (value: number, lang: Lang, t: Strings) => share(value / 100, lang, t);

/** A count and its rate of what was sent, on one line: "12 · 4.5%"; the count alone before anything was sent. */
export const CountAndRate = (props: { n: number; rate: number; sent: number; lang: Lang; t: Strings }) => (
  <span class="pr-nowrap">
    {count(props.n, props.lang)}
    {props.sent > 0 ? ` · ${percent(props.rate, props.lang, props.t)}` : null}
  </span>
);

/** A text from elsewhere (an email's content, a reply): as text, never as HTML, scrolling when long. */
export const Quoted = (props: { text: string; class?: string }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a long text scrolls in its box, so the keyboard must reach it (WCAG 2.1.1).
  <pre class={props.class ? `ft-text ${props.class}` : 'ft-text'} tabIndex={0}>
    {props.text}
  </pre>
);

// ─── Industries and regions in words ────────────────────────────────────────

/**
 * The trades discovery files prospects under, in both languages (the Worker writes the same
 * words into emails). A key it does not know is written as words: snow_removal → Snow removal.
 */
const INDUSTRY_WORDS: Record<string, BilingualText> = {
  plumbing: { en: 'Plumbing', fr: 'Plomberie' },
  dental: { en: 'Dental care', fr: 'Soins dentaires' },
  law: { en: 'Legal services', fr: 'Services juridiques' },
  landscaping: { en: 'Landscaping', fr: 'Aménagement paysager' },
  renovation: { en: 'Renovation', fr: 'Rénovation' },
  accounting: { en: 'Accounting', fr: 'Comptabilité' },
  real_estate: { en: 'Real estate', fr: 'Immobilier' },
  restaurant: { en: 'Restaurants', fr: 'Restauration' },
  roofing: { en: 'Roofing', fr: 'Toiture' },
  electrical: { en: 'Electrical work', fr: 'Électricité' },
  physiotherapy: { en: 'Physiotherapy', fr: 'Physiothérapie' },
  auto_repair: { en: 'Auto repair', fr: 'Mécanique automobile' },
  hair_salon: { en: 'Hair care', fr: 'Coiffure' },
  veterinary: { en: 'Veterinary care', fr: 'Soins vétérinaires' },
  hvac: { en: 'Heating and cooling', fr: 'Chauffage et climatisation' },
  cabinetry: { en: 'Cabinetry', fr: 'Ébénisterie' },
  snow_removal: { en: 'Snow removal', fr: 'Déneigement' },
  catering: { en: 'Catering', fr: 'Traiteur' },
  massage_therapy: { en: 'Massage therapy', fr: 'Massothérapie' },
  moving: { en: 'Moving', fr: 'Déménagement' },
  cleaning: { en: 'Cleaning', fr: 'Entretien ménager' },
};

export function industryName(key: string, lang: Lang): string {
  const known = INDUSTRY_WORDS[key.trim().toLowerCase()];
  if (known) return known[lang];
  const words = key.replaceAll('_', ' ').trim();
  return words.charAt(0).toLocaleUpperCase(lang === 'fr' ? 'fr-CA' : 'en-CA') + words.slice(1);
}

/** The provinces and territories in the reader's language. */
export const provinceName = (province: Province, lang: Lang) =>
  PROSPECTS_STRINGS[lang].prProvinces[province] ?? province;
