import { CircleCheck, ListChecks, Pause, Pencil, Play, Settings2, TriangleAlert, UserPlus } from 'lucide';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  type CampaignDetail,
  type CampaignsResponse,
  type EmailsResponse,
  ENROLMENT_SKIPS,
  type EnrolmentResult,
} from '../schema/outreach-api';
import type { BilingualText } from '../schema/prospects-api';
import { LANGUAGE_NAMES, type OutreachEmailStatus } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import { AppLink, Button, Card, Dialog, Icon, PageHeader, Skeleton, Toast } from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import type { Lang, Strings } from './i18n';
import { joinList } from './prospects-format';
import { PATHS } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import {
  bi,
  CampaignStatusBadge,
  colon,
  emailsPath,
  industryName,
  OUTREACH_API,
  OutreachTabs,
  provinceName,
} from './staff-outreach-common';
import { CampaignForm } from './staff-outreach-form';
import { Bounces, Emails, Figures, Funnel, Replies } from './staff-outreach-results';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';

/**
 * A campaign's page (/app/staff/outreach/campaigns/:id), internal accounts only: its status
 * and what may be done next (enrol prospects, start or resume, pause, complete), why it
 * paused itself and what it lacks before it may start, the funnel of its emails (people, not
 * the machines that open mail on their behalf, whose events are shown beside), its emails by
 * status and one by one, the replies to read, the bounces, the last enrolment's result, and
 * its settings (editable while draft or paused).
 */
export function StaffOutreachCampaign(props: { t: Strings; lang: Lang; id: string; go: (path: string) => void }) {
  const { t, lang, id, go } = props;
  const o = OUTREACH_STRINGS[lang];
  const {
    view: campaign,
    error,
    reload,
  } = useStaffView<CampaignDetail>(`${OUTREACH_API}/campaigns/${encodeURIComponent(id)}`, t);
  const [filter, setFilter] = useState<OutreachEmailStatus | undefined>(undefined);
  const emails = useStaffView<EmailsResponse>(emailsPath({ campaign: id, status: filter }), t);
  // What the settings name (the templates) and their form chooses from.
  const options = useStaffView<CampaignsResponse>(`${OUTREACH_API}/campaigns`, t);
  const [enrolment, setEnrolment] = useState<EnrolmentResult | null>(null);
  const [editing, setEditing] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const refresh = async () => {
    await Promise.all([reload(), emails.reload()]);
  };
  const result = enrolment ?? campaign?.enrolment ?? null;
  return (
    <main class="staff staff-outreach">
      <PageHeader
        title={campaign?.name ?? PROSPECT_SCREEN_NAMES[lang]['staff-outreach-campaign']}
        description={campaign ? o.orCampaignOf(campaign.clientName) : undefined}
        back={{ label: o.orAllCampaigns, href: PATHS['staff-outreach'], go: () => go(PATHS['staff-outreach']) }}
      />
      <OutreachTabs lang={lang} current="staff-outreach" within go={go} />
      <ErrorLine text={error} />
      {campaign ? (
        <>
          <Controls
            t={t}
            o={o}
            lang={lang}
            campaign={campaign}
            go={go}
            onEnrolled={async (fresh) => {
              setEnrolment(fresh);
              await refresh();
              setToast(o.orEnrolledToast(fresh.enrolled, count(fresh.enrolled, lang)));
            }}
            onChanged={async (message) => {
              setEditing(false);
              await refresh();
              setToast(message);
            }}
          />
          {result ? <Enrolment o={o} lang={lang} result={result} fresh={enrolment !== null} /> : null}
          <Figures t={t} o={o} lang={lang} campaign={campaign} />
          <Funnel t={t} o={o} lang={lang} campaign={campaign} />
          <Emails
            t={t}
            o={o}
            lang={lang}
            campaign={campaign}
            emails={emails.view?.emails ?? null}
            error={emails.error}
            loading={emails.loading}
            filter={filter}
            setFilter={setFilter}
            go={go}
          />
          <div class="pr-evidence">
            <Replies
              t={t}
              o={o}
              lang={lang}
              campaign={campaign}
              onChanged={async () => {
                await refresh();
                setToast(o.orRevenueSaved);
              }}
            />
            <Bounces o={o} lang={lang} bounces={campaign.bounces} />
          </div>
          {editing ? (
            <EditSettings
              t={t}
              lang={lang}
              campaign={campaign}
              options={options.view}
              error={options.error}
              onClose={() => setEditing(false)}
              onSaved={async () => {
                setEditing(false);
                await refresh();
                setToast(o.orSaved);
              }}
            />
          ) : (
            <SettingsSummary
              o={o}
              lang={lang}
              campaign={campaign}
              options={options.view}
              onEdit={() => setEditing(true)}
            />
          )}
        </>
      ) : error ? (
        <p>
          <AppLink href={PATHS['staff-outreach']} go={go}>
            {o.orAllCampaigns}
          </AppLink>
        </p>
      ) : (
        <Skeleton label={t.loading} blocks={3} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

type Action = 'start' | 'pause' | 'complete';

/** The status, why it paused, what it lacks, and the buttons of what may be done now. */
function Controls(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  campaign: CampaignDetail;
  go: (path: string) => void;
  onEnrolled: (result: EnrolmentResult) => Promise<void>;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t, o, lang, campaign } = props;
  const [busy, setBusy] = useState<Action | 'enrol' | null>(null);
  const [error, setError] = useState('');
  const [missing, setMissing] = useState<BilingualText[]>([]);
  const [confirming, setConfirming] = useState(false);
  const { status } = campaign;
  const lacks = status === 'draft' || status === 'paused' ? campaign.cannotStart : [];
  const fail = (caught: unknown) => {
    const listed = caught instanceof ApiError ? caught.details.missing : undefined;
    if (caught instanceof ApiError && caught.code === 'campaign_incomplete' && Array.isArray(listed))
      setMissing(listed as BilingualText[]);
    else setMissing([]);
    setError(errorText(caught, t));
  };
  const enrol = async () => {
    setBusy('enrol');
    setError('');
    setMissing([]);
    try {
      const result = await api<EnrolmentResult>(
        'POST',
        `${OUTREACH_API}/campaigns/${encodeURIComponent(campaign.id)}/enrol`,
      );
      await props.onEnrolled(result);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(null);
    }
  };
  const act = async (action: Action) => {
    setBusy(action);
    setError('');
    setMissing([]);
    try {
      const changed = await api<{ status: CampaignDetail['status'] }>(
        'POST',
        `${OUTREACH_API}/campaigns/${encodeURIComponent(campaign.id)}/status`,
        { action },
      );
      setConfirming(false);
      await props.onChanged(o.orNowStatus(o.orCampaignStatuses[changed.status] ?? changed.status));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(null);
    }
  };
  const pending = campaign.awaitingApproval;
  return (
    <section class="card or-controls" aria-labelledby="or-status-title">
      <h2 id="or-status-title" class="pr-badges">
        <span class="sr-only">{o.orStatus}</span>
        <CampaignStatusBadge lang={lang} status={status} />
      </h2>
      <p class="hint">{o.orStatusHelp[status]}</p>
      {campaign.pausedBecause ? (
        <p class="notice-box ft-off or-alarm">
          <Icon icon={TriangleAlert} />
          <span>
            <strong>{o.orPausedBecause}</strong> {bi(campaign.pausedBecause, lang)}
          </span>
        </p>
      ) : null}
      {lacks.length > 0 ? (
        <div class="notice-box ft-off" id="or-lacks">
          <Icon icon={ListChecks} />
          <div>
            <strong>{o.orCannotStartYet}</strong>
            <ul>
              {lacks.map((lack) => (
                <li key={lack.en}>{bi(lack, lang)}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {pending > 0 ? (
        <p class="or-pending">
          {o.orPendingHere(pending, count(pending, lang))}{' '}
          <AppLink
            href={`${PATHS['staff-outreach-approval']}?campaign=${encodeURIComponent(campaign.id)}`}
            go={props.go}
          >
            {o.orOpenApproval}
          </AppLink>
        </p>
      ) : null}
      {status === 'completed' ? null : (
        <div class="btn-row">
          {status === 'draft' || status === 'paused' ? (
            <Button icon={UserPlus} busy={busy === 'enrol'} disabled={busy !== null} onClick={enrol}>
              {busy === 'enrol' ? o.orEnrolling : o.orEnrol}
            </Button>
          ) : null}
          {status === 'draft' || status === 'paused' ? (
            <Button
              variant="primary"
              icon={Play}
              busy={busy === 'start'}
              disabled={busy !== null || lacks.length > 0}
              aria-describedby={lacks.length > 0 ? 'or-lacks' : undefined}
              onClick={() => act('start')}
            >
              {status === 'draft' ? o.orStart : o.orResume}
            </Button>
          ) : null}
          {status === 'active' ? (
            <Button icon={Pause} busy={busy === 'pause'} disabled={busy !== null} onClick={() => act('pause')}>
              {o.orPause}
            </Button>
          ) : null}
          <Button variant="ghost" icon={CircleCheck} disabled={busy !== null} onClick={() => setConfirming(true)}>
            {o.orComplete}
          </Button>
        </div>
      )}
      <ErrorLine text={confirming ? '' : error}>
        {!confirming && missing.length > 0 ? <MissingList lang={lang} missing={missing} /> : null}
      </ErrorLine>
      <Dialog
        id="or-complete"
        open={confirming}
        title={o.orCompleteTitle(campaign.name)}
        closeLabel={t.close}
        onClose={() => setConfirming(false)}
      >
        <p>{o.orCompleteHelp}</p>
        <ErrorLine text={confirming ? error : ''} />
        <div class="btn-row">
          <Button variant="danger" busy={busy === 'complete'} onClick={() => act('complete')}>
            {o.orCompleteConfirm}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            {o.orKeepGoing}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

/** What a refused start lacks, inside the error's line (spans, so the alert's paragraph holds them). */
const MissingList = (props: { lang: Lang; missing: readonly BilingualText[] }) => (
  <span class="or-missing">
    {props.missing.map((item) => (
      <span key={item.en}>{bi(item, props.lang)}</span>
    ))}
  </span>
);

/** What an enrolment did: prospects enrolled, enrolled without an address, and each reason one was skipped. */
function Enrolment(props: { o: OutreachStrings; lang: Lang; result: EnrolmentResult; fresh: boolean }) {
  const { o, lang, result } = props;
  const reasons = ENROLMENT_SKIPS.filter((skip) => (result.skipped[skip] ?? 0) > 0);
  const skipped = reasons.reduce((total, skip) => total + (result.skipped[skip] ?? 0), 0);
  return (
    <Card
      id="or-enrolment"
      icon={UserPlus}
      title={props.fresh ? o.orEnrolmentJust : o.orEnrolmentLast}
      description={o.orEnrolmentHelp}
    >
      <dl class="ft-result or-result">
        <div>
          <dt>{o.orEnrolledCount}</dt>
          <dd>{count(result.enrolled, lang)}</dd>
        </div>
        <div>
          <dt>{o.orMissingEmailCount}</dt>
          <dd>
            {count(result.missingEmail, lang)}
            {result.missingEmail > 0 ? (
              <ul class="ft-reasons">
                <li>{o.orMissingEmailNote}</li>
              </ul>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{o.orSkippedCount}</dt>
          <dd>
            {count(skipped, lang)}
            {reasons.length > 0 ? (
              <ul class="ft-reasons">
                {reasons.map((skip) => (
                  <li key={skip}>
                    {o.orSkips[skip]}
                    {colon(lang)}
                    {count(result.skipped[skip] ?? 0, lang)}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
      </dl>
      {result.enrolled === 0 && result.missingEmail === 0 ? <p class="muted">{o.orNoneEnrolled}</p> : null}
    </Card>
  );
}

const Fact = (props: { term: string; children: ComponentChildren }) => (
  <div>
    <dt>{props.term}</dt>
    <dd>{props.children}</dd>
  </div>
);

/** The campaign's settings in words, and its Edit while it is a draft or paused. */
function SettingsSummary(props: {
  o: OutreachStrings;
  lang: Lang;
  campaign: CampaignDetail;
  options: CampaignsResponse | null;
  onEdit: () => void;
}) {
  const { o, lang, campaign, options } = props;
  const editable = campaign.status === 'draft' || campaign.status === 'paused';
  const criteria = campaign.targetCriteria;
  const templateName = (templateId: string | null) => {
    if (!templateId) return <span class="muted">{o.orNoTemplate}</span>;
    if (!options) return <span class="muted">{o.orTemplateLoading}</span>;
    const template = options.templates.find((one) => one.id === templateId);
    return template ? template.name : <code>{templateId}</code>;
  };
  const any = <span class="muted">{o.orAny}</span>;
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? any : count(value, lang);
  const { identity } = campaign;
  const given = (value: string) => (value.trim() ? value : <span class="muted">{o.orMissing}</span>);
  return (
    <Card
      id="or-settings"
      icon={Settings2}
      title={o.orSettingsTitle}
      description={editable ? o.orSettingsHelp : o.orSettingsLocked}
      actions={
        editable ? (
          <Button small icon={Pencil} onClick={props.onEdit}>
            {o.orEditSettings}
          </Button>
        ) : null
      }
    >
      <div class="pr-columns">
        <dl class="pr-facts pr-facts-compact">
          <Fact term={o.orTemplateEn}>{templateName(campaign.templateIds.en)}</Fact>
          <Fact term={o.orTemplateFr}>{templateName(campaign.templateIds.fr)}</Fact>
          <Fact term={o.orFollowUps}>
            {campaign.followUpSchedule.length === 0
              ? o.orNoFollowUps
              : o.orFollowUpDays(joinList(campaign.followUpSchedule.map((day) => count(day, lang))))}
          </Fact>
          <Fact term={o.orMailbox}>{campaign.mailbox ? <code>{campaign.mailbox}</code> : given('')}</Fact>
          <Fact term={o.orDailyCap}>{count(campaign.dailyCap, lang)}</Fact>
          <Fact term={o.orIndustries}>
            {criteria.industries?.length
              ? joinList(criteria.industries.map((industry) => industryName(industry, lang)))
              : any}
          </Fact>
          <Fact term={o.orRegions}>
            {criteria.regions?.length ? joinList(criteria.regions.map((region) => provinceName(region, lang))) : any}
          </Fact>
          <Fact term={o.orLanguages}>
            {criteria.languages?.length
              ? joinList(criteria.languages.map((language) => LANGUAGE_NAMES[language][lang]))
              : any}
          </Fact>
          <Fact term={o.orMinNeed}>{number(criteria.minNeedScore)}</Fact>
          <Fact term={o.orMinFit}>{number(criteria.minFitScore)}</Fact>
          <Fact term={o.orSlowerThan}>{number(criteria.formTestSlowerThanHours)}</Fact>
          <Fact term={o.orLimit}>{criteria.limit === undefined ? o.orLimitDefault : count(criteria.limit, lang)}</Fact>
        </dl>
        <dl class="pr-facts pr-facts-compact">
          <Fact term={o.orSenderName}>{given(identity.senderName)}</Fact>
          <Fact term={o.orBusinessName}>{given(identity.businessName)}</Fact>
          <Fact term={o.orPostalAddress}>
            <span class="message">{given(identity.postalAddress)}</span>
          </Fact>
          <Fact term={o.orContact}>{given(identity.contact)}</Fact>
        </dl>
      </div>
    </Card>
  );
}

/** The settings form, once what it chooses from (clients, mailboxes, templates) has loaded. */
function EditSettings(props: {
  t: Strings;
  lang: Lang;
  campaign: CampaignDetail;
  options: CampaignsResponse | null;
  error: string;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t, lang, options, error } = props;
  if (!options)
    return (
      <>
        <ErrorLine text={error} />
        {error ? (
          <Button variant="ghost" onClick={props.onClose}>
            {OUTREACH_STRINGS[lang].orCancel}
          </Button>
        ) : (
          <Skeleton label={t.loading} blocks={1} />
        )}
      </>
    );
  return (
    <CampaignForm
      t={t}
      lang={lang}
      options={options}
      campaign={props.campaign}
      onSaved={props.onSaved}
      onCancel={props.onClose}
    />
  );
}
