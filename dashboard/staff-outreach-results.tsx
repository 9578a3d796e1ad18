import { CircleDollarSign, Mail, MailOpen, MailX, Reply, Send, TriangleAlert } from 'lucide';
import { useState } from 'preact/hooks';
import type { BounceView, CampaignDetail, OutreachEmailView, ReplyView } from '../schema/outreach-api';
import { OUTREACH_EMAIL_STATUSES, type OutreachEmailStatus } from '../schema/vocabulary';
import { api, errorText } from './api';
import { BarList, ChartFigure } from './charts';
import { AppLink, Badge, Button, Card, type Column, Field, Skeleton, Stat, Table } from './design';
import { type Lang, locale, type Strings } from './i18n';
import { parseAmount } from './prospects-format';
import { prospectPath } from './router';
import { count, ErrorLine, share } from './staff-common';
import {
  bi,
  EmailStatusBadge,
  EmailWhen,
  OUTREACH_API,
  percent,
  Quoted,
  stepName,
  When,
} from './staff-outreach-common';
import { SiteLink } from './staff-prospects';
import type { OutreachStrings } from './strings/outreach';
import { PROSPECTS_STRINGS } from './strings/prospects';

/**
 * What a campaign's emails gave, on its page (staff-outreach-campaign.tsx): the figures,
 * the funnel from sent to replied (people only, the machines' events beside), the emails
 * one by one with their status, the replies to read and the bounces.
 */

export function Figures(props: { t: Strings; o: OutreachStrings; lang: Lang; campaign: CampaignDetail }) {
  const { t, o, lang } = props;
  const m = props.campaign.metrics;
  /** A rate of what was sent; none before anything was. */
  const rate = (value: number) => (m.sent === 0 ? t.none : percent(value, lang, t));
  return (
    <div class="stats">
      <Stat
        icon={Send}
        label={o.orSent}
        value={count(m.sent, lang)}
        note={o.orDeliveredNote(m.delivered, count(m.delivered, lang))}
      />
      <Stat
        icon={MailOpen}
        label={o.orOpenedPeople}
        value={rate(m.openRate)}
        note={o.orPeople(m.opened, count(m.opened, lang))}
      />
      <Stat
        icon={Reply}
        label={o.orReplies}
        value={rate(m.replyRate)}
        note={o.orPeople(m.replied, count(m.replied, lang))}
      />
      <Stat
        icon={MailX}
        label={o.orBounces}
        value={rate(m.bounceRate)}
        note={o.orBouncedNote(m.bounced, count(m.bounced, lang), m.unsubscribed, count(m.unsubscribed, lang))}
      />
      <Stat icon={CircleDollarSign} label={o.orRevenue} value={usd(m.revenueGenerated, lang)} note={o.orRevenueNote} />
    </div>
  );
}

interface FunnelStep {
  key: 'sent' | 'delivered' | 'opened' | 'clicked' | 'replied';
  people: number;
  /** Every event recorded, machines included; null where there is no such count. */
  raw: number | null;
  machine: number | null;
}

/** Sent → delivered → opened → clicked → replied, people only; the raw events beside opens and clicks. */
export function Funnel(props: { t: Strings; o: OutreachStrings; lang: Lang; campaign: CampaignDetail }) {
  const { t, o, lang } = props;
  const m = props.campaign.metrics;
  const steps: FunnelStep[] = [
    { key: 'sent', people: m.sent, raw: null, machine: null },
    { key: 'delivered', people: m.delivered, raw: null, machine: null },
    { key: 'opened', people: m.opened, raw: m.rawOpens, machine: m.machineOpens },
    { key: 'clicked', people: m.clicked, raw: m.rawClicks, machine: m.machineClicks },
    { key: 'replied', people: m.replied, raw: null, machine: null },
  ];
  const ofSent = (n: number) => (m.sent === 0 ? t.none : share(n / m.sent, lang, t));
  const columns: Column<FunnelStep>[] = [
    { key: 'step', header: o.orFunnelStep, cell: (row) => o.orFunnelSteps[row.key] },
    { key: 'people', header: o.orFunnelPeople, cell: (row) => count(row.people, lang) },
    { key: 'share', header: o.orFunnelShare, cell: (row) => ofSent(row.people) },
    { key: 'raw', header: o.orFunnelRaw, cell: (row) => (row.raw === null ? t.none : count(row.raw, lang)) },
    {
      key: 'machine',
      header: o.orFunnelMachine,
      cell: (row) => (row.machine === null ? t.none : count(row.machine, lang)),
    },
  ];
  return (
    <ChartFigure
      id="or-funnel"
      title={o.orFunnelTitle}
      summary={
        <>
          {m.sent === 0
            ? o.orFunnelNothing
            : o.orFunnelSummary(
                count(m.sent, lang),
                count(m.opened, lang),
                ofSent(m.opened),
                count(m.replied, lang),
                ofSent(m.replied),
              )}{' '}
          {o.orMachinesNote}
        </>
      }
      table={{
        label: o.orShowFigures,
        caption: o.orFunnelTitle,
        columns,
        rows: steps,
        rowKey: (row) => row.key,
      }}
    >
      {m.sent === 0 ? (
        <p class="muted">{o.orFunnelEmpty}</p>
      ) : (
        <BarList
          max={Math.max(1, ...steps.map((step) => step.people))}
          rows={steps.map((step) => ({
            key: step.key,
            label: o.orFunnelSteps[step.key],
            value: step.people,
            display: `${count(step.people, lang)} · ${ofSent(step.people)}`,
            tone: step.key === 'replied' ? 'second' : 'brand',
            note: step.raw === null ? undefined : o.orRawNote(count(step.raw, lang), count(step.machine ?? 0, lang)),
          }))}
        />
      )}
    </ChartFigure>
  );
}

export function Emails(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  campaign: CampaignDetail;
  emails: readonly OutreachEmailView[] | null;
  error: string;
  loading: boolean;
  filter: OutreachEmailStatus | undefined;
  setFilter: (status: OutreachEmailStatus | undefined) => void;
  go: (path: string) => void;
}) {
  const { t, o, lang, campaign, emails, filter, go } = props;
  const s = PROSPECTS_STRINGS[lang];
  const counts = campaign.emailsByStatus;
  const total = OUTREACH_EMAIL_STATUSES.reduce((n, status) => n + (counts[status] ?? 0), 0);
  const offered = OUTREACH_EMAIL_STATUSES.filter((status) => (counts[status] ?? 0) > 0 || status === filter);
  const columns: Column<OutreachEmailView>[] = [
    { key: 'step', header: o.orStep, cell: (row) => stepName(o, lang, row.step) },
    {
      key: 'company',
      header: o.orCompany,
      cell: (row) => (
        <span class="pr-business">
          {row.prospectId ? (
            <AppLink class="pr-name" href={prospectPath(row.prospectId)} go={go}>
              {row.companyName ?? o.orUnnamed}
            </AppLink>
          ) : (
            <span class="pr-name">{row.companyName ?? o.orUnnamed}</span>
          )}
          {row.website ? <SiteLink class="pr-site" href={row.website} s={s} /> : null}
        </span>
      ),
    },
    {
      key: 'address',
      header: o.orAddress,
      cell: (row) =>
        row.prospectEmail ? (
          <code>{row.prospectEmail}</code>
        ) : (
          <Badge tone="warning" icon={TriangleAlert}>
            {o.orNoAddress}
          </Badge>
        ),
    },
    {
      key: 'status',
      header: o.orStatus,
      cell: (row) => (
        <span class="pr-badges">
          <EmailStatusBadge lang={lang} status={row.status} />
        </span>
      ),
    },
    { key: 'when', header: o.orWhen, cell: (row) => <EmailWhen lang={lang} email={row} /> },
    { key: 'why', header: o.orWhy, cell: (row) => (row.why ? bi(row.why, lang) : t.none) },
  ];
  return (
    <Card id="or-emails" icon={Mail} title={o.orEmailsTitle} description={o.orEmailsHelp}>
      {total > 0 ? (
        <fieldset class="segmented ft-statuses">
          <legend class="sr-only">{o.orStatusFilter}</legend>
          <button type="button" aria-pressed={!filter} onClick={() => props.setFilter(undefined)}>
            {o.orAll} <span class="ft-count">{count(total, lang)}</span>
          </button>
          {offered.map((status) => (
            <button key={status} type="button" aria-pressed={filter === status} onClick={() => props.setFilter(status)}>
              {o.orEmailStatuses[status]} <span class="ft-count">{count(counts[status] ?? 0, lang)}</span>
            </button>
          ))}
        </fieldset>
      ) : null}
      <ErrorLine text={props.error} />
      {emails === null ? (
        props.error ? null : (
          <Skeleton label={t.loading} lines={3} blocks={0} />
        )
      ) : emails.length === 0 ? (
        <p class="muted">{filter ? o.orNoEmailsWithStatus : o.orNoEmailsHelp}</p>
      ) : (
        <div aria-busy={props.loading || undefined}>
          <Table
            class="pr-table or-emails"
            caption={o.orEmailsTitle}
            columns={columns}
            rows={emails}
            rowKey={(row) => row.id}
          />
        </div>
      )}
    </Card>
  );
}

/**
 * Revenue in US dollars said as such ("1 200 $ US", "US$1,200"): beside Canadian figures, a
 * bare "$" reads as Canadian dollars.
 */
const usd = (dollars: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'symbol',
    maximumFractionDigits: Number.isInteger(dollars) ? 0 : 2,
  }).format(dollars);

/** "This prospect became a client": the revenue it brings, entered on its reply (0 takes it back). */
function Conversion(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  reply: ReplyView;
  onSaved: () => Promise<void>;
}) {
  const { t, o, lang, reply } = props;
  const id = `or-revenue-${reply.emailId}`;
  const [amount, setAmount] = useState(reply.revenueUsd === null ? '' : String(reply.revenueUsd));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (event: Event) => {
    event.preventDefault();
    const value = parseAmount(amount, lang);
    if (!Number.isFinite(value)) {
      setError(o.orRevenueInvalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('PUT', `${OUTREACH_API}/emails/${encodeURIComponent(reply.emailId)}/conversion`, { amountUsd: value });
      await props.onSaved();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="or-conversion" onSubmit={save} noValidate>
      {reply.revenueUsd !== null ? <p class="or-converted">{o.orBecameClient(usd(reply.revenueUsd, lang))}</p> : null}
      <Field id={id} label={o.orRevenueLabel} help={o.orRevenueHelp} error={error ?? undefined}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={amount}
            onInput={(event) => setAmount((event.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" small disabled={busy}>
        {o.orRevenueSave}
      </Button>
    </form>
  );
}

export function Replies(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  campaign: CampaignDetail;
  onChanged: () => Promise<void>;
}) {
  const { o, lang } = props;
  const { replies } = props.campaign;
  return (
    <Card id="or-replies" icon={Reply} title={o.orRepliesTitle} description={o.orRepliesHelp}>
      {replies.length === 0 ? (
        <p class="muted">{o.orNoReplies}</p>
      ) : (
        <ul class="ft-tests">
          {replies.map((reply) => (
            <li key={`${reply.emailId}-${reply.at}`}>
              <article class="ft-test ft-completed" aria-labelledby={`or-reply-${reply.emailId}-${reply.at}`}>
                <h3 id={`or-reply-${reply.emailId}-${reply.at}`}>{reply.subject || o.orNoSubject}</h3>
                <p class="ft-sub">
                  <span>{reply.from ? <code>{reply.from}</code> : o.orUnknownSender}</span>
                  {reply.companyName ? <span>{reply.companyName}</span> : null}
                  <When iso={reply.at} lang={lang} />
                </p>
                <Quoted text={reply.excerpt} />
                <Conversion t={props.t} o={o} lang={lang} reply={reply} onSaved={props.onChanged} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function Bounces(props: { o: OutreachStrings; lang: Lang; bounces: readonly BounceView[] }) {
  const { o, lang, bounces } = props;
  const columns: Column<BounceView>[] = [
    {
      key: 'address',
      header: o.orAddress,
      cell: (row) => (row.address ? <code>{row.address}</code> : <span class="muted">{o.orUnknownAddress}</span>),
    },
    {
      key: 'kind',
      header: o.orBounceKind,
      cell: (row) => (
        <span class="pr-badges">
          <Badge tone={row.hard ? 'danger' : 'warning'}>{row.hard ? o.orHardBounce : o.orSoftBounce}</Badge>
        </span>
      ),
    },
    { key: 'status', header: o.orBounceStatus, cell: (row) => (row.status ? <code>{row.status}</code> : o.orNone) },
    { key: 'at', header: o.orWhen, cell: (row) => <When iso={row.at} lang={lang} /> },
  ];
  return (
    <Card id="or-bounces" icon={MailX} title={o.orBouncesTitle} description={o.orBouncesHelp}>
      {bounces.length === 0 ? (
        <p class="muted">{o.orNoBounces}</p>
      ) : (
        <Table
          class="pr-table"
          caption={o.orBouncesTitle}
          columns={columns}
          rows={bounces}
          rowKey={(row) => `${row.emailId}-${row.at}`}
        />
      )}
    </Card>
  );
}
