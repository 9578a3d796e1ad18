import type { IconNode } from 'lucide';
import {
  Ban,
  Briefcase,
  CalendarCheck,
  ChevronsDown,
  CircleHelp,
  CreditCard,
  Flame,
  Handshake,
  LifeBuoy,
  Megaphone,
  MessageSquareText,
  Minus,
  Receipt,
  Star,
  TriangleAlert,
  Wrench,
} from 'lucide';
import { type IntentKey, URGENCIES, type Urgency } from '../schema/vocabulary';
import { Badge, type BadgeTone } from './design';
import type { Lang, Strings } from './i18n';

/** Each urgency by colour, icon and word together: never colour alone. */
const URGENCY_LOOK: Record<Urgency, { tone: BadgeTone; icon: IconNode }> = {
  High: { tone: 'danger', icon: Flame },
  Medium: { tone: 'warning', icon: Minus },
  Low: { tone: 'success', icon: ChevronsDown },
};

/** An icon per intent, so a list can be scanned by shape; typed by the vocabulary, so a new intent needs one. */
const INTENT_ICONS: Record<IntentKey, IconNode> = {
  quote_request: Receipt,
  service_inquiry: Wrench,
  booking_request: CalendarCheck,
  support_request: LifeBuoy,
  partnership: Handshake,
  complaint: TriangleAlert,
  job_application: Briefcase,
  vendor_pitch: Megaphone,
  billing: CreditCard,
  feedback: Star,
  general_question: CircleHelp,
  spam: Ban,
};

const isUrgency = (value: string | null): value is Urgency => (URGENCIES as readonly (string | null)[]).includes(value);

export function UrgencyBadge(props: { urgency: string | null; t: Strings }) {
  const { urgency, t } = props;
  if (!isUrgency(urgency)) return null;
  const look = URGENCY_LOOK[urgency];
  return (
    <Badge tone={look.tone} icon={look.icon} class="urgency">
      <span class="sr-only">{t.urgency}: </span>
      {t[urgency]}
    </Badge>
  );
}

export function IntentBadge(props: { intent: { key: IntentKey; en: string; fr: string } | null; lang: Lang }) {
  const { intent } = props;
  if (!intent) return null;
  return (
    <Badge icon={INTENT_ICONS[intent.key] ?? MessageSquareText} class="intent">
      {intent[props.lang]}
    </Badge>
  );
}

/** An urgency in words, for charts and plain text. */
export const urgencyLabel = (urgency: string | null, t: Strings) => (isUrgency(urgency) ? t[urgency] : t.none);
