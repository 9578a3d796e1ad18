import { FileText, Megaphone, Plus, TriangleAlert } from 'lucide';
import { useState } from 'preact/hooks';
import type { CampaignRow, CampaignsResponse } from '../schema/outreach-api';
import {
  AppLink,
  Badge,
  Button,
  buttonClass,
  type Column,
  EmptyState,
  Icon,
  PageHeader,
  Skeleton,
  Table,
} from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import type { Lang, Strings } from './i18n';
import { campaignPath, PATHS } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import {
  bi,
  CampaignStatusBadge,
  CountAndRate,
  EmailsByStatus,
  OUTREACH_API,
  OutreachTabs,
  When,
} from './staff-outreach-common';
import { CampaignForm } from './staff-outreach-form';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';

/**
 * The Outreach screen (/app/staff/outreach), internal accounts only: every campaign with
 * its status, its client, its emails by status and what they gave (sent, people who
 * opened, replies, bounces), and the form of a new campaign. A new campaign opens on its
 * own page, where prospects are enrolled and it is started. No campaign yet: the screen
 * says to create one (and to write a template first, when there is none).
 */
export function StaffOutreach(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const o = OUTREACH_STRINGS[lang];
  const { view, error } = useStaffView<CampaignsResponse>(`${OUTREACH_API}/campaigns`, t);
  const [creating, setCreating] = useState(false);
  const open = () => setCreating(true);
  const campaigns = view?.campaigns ?? [];
  return (
    <main class="staff staff-outreach">
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-outreach']}
        description={o.orIntro}
        actions={
          view && !creating ? (
            <Button variant="primary" icon={Plus} onClick={open}>
              {o.orNewCampaign}
            </Button>
          ) : null
        }
      />
      <OutreachTabs lang={lang} current="staff-outreach" go={go} />
      <ErrorLine text={error} />
      {view ? (
        <>
          {creating ? (
            <CampaignForm
              t={t}
              lang={lang}
              options={view}
              campaign={null}
              onSaved={(id) => go(campaignPath(id))}
              onCancel={() => setCreating(false)}
            />
          ) : null}
          {campaigns.length === 0 ? (
            creating ? null : (
              <EmptyState
                id="or-empty"
                icon={Megaphone}
                title={o.orNoCampaigns}
                actions={
                  <>
                    <Button variant="primary" icon={Plus} onClick={open}>
                      {o.orNewCampaign}
                    </Button>
                    {view.templates.length === 0 ? (
                      <AppLink class={buttonClass('secondary')} href={PATHS['staff-outreach-templates']} go={go}>
                        <Icon icon={FileText} />
                        {o.orWriteTemplate}
                      </AppLink>
                    ) : null}
                  </>
                }
              >
                <p>{o.orNoCampaignsHelp}</p>
                {view.templates.length === 0 ? <p>{o.orNoTemplatesYet}</p> : null}
              </EmptyState>
            )
          ) : (
            <CampaignTable t={t} o={o} lang={lang} campaigns={campaigns} go={go} />
          )}
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={2} />
      )}
    </main>
  );
}

function CampaignTable(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  campaigns: readonly CampaignRow[];
  go: (path: string) => void;
}) {
  const { t, o, lang, go } = props;
  const columns: Column<CampaignRow>[] = [
    {
      key: 'name',
      header: o.orCampaign,
      cell: (row) => (
        <span class="pr-business">
          <AppLink class="pr-name" href={campaignPath(row.id)} go={go}>
            {row.name}
          </AppLink>
          <span class="pr-site">
            <When iso={row.createdAt} lang={lang} />
          </span>
        </span>
      ),
    },
    {
      key: 'status',
      header: o.orStatus,
      cell: (row) => (
        <span class="pr-run-status">
          <CampaignStatusBadge lang={lang} status={row.status} />
          {row.pausedBecause ? (
            <span class="hint">
              <Badge tone="danger" icon={TriangleAlert}>
                {o.orPausedItself}
              </Badge>{' '}
              {bi(row.pausedBecause, lang)}
            </span>
          ) : null}
        </span>
      ),
    },
    { key: 'client', header: o.orClient, cell: (row) => row.clientName },
    { key: 'emails', header: o.orEmails, cell: (row) => <EmailsByStatus lang={lang} counts={row.emailsByStatus} /> },
    { key: 'sent', header: o.orSent, cell: (row) => count(row.metrics.sent, lang) },
    {
      key: 'opened',
      header: o.orOpenedPeople,
      cell: (row) => (
        <CountAndRate n={row.metrics.opened} rate={row.metrics.openRate} sent={row.metrics.sent} lang={lang} t={t} />
      ),
    },
    {
      key: 'replied',
      header: o.orReplies,
      cell: (row) => (
        <CountAndRate n={row.metrics.replied} rate={row.metrics.replyRate} sent={row.metrics.sent} lang={lang} t={t} />
      ),
    },
    {
      key: 'bounced',
      header: o.orBounces,
      cell: (row) => (
        <CountAndRate n={row.metrics.bounced} rate={row.metrics.bounceRate} sent={row.metrics.sent} lang={lang} t={t} />
      ),
    },
  ];
  return (
    <Table
      class="pr-table or-campaigns"
      caption={o.orCampaignsCaption}
      columns={columns}
      rows={props.campaigns}
      rowKey={(row) => row.id}
    />
  );
}
