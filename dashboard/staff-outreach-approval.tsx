import { Ban, Check, CircleCheck, Inbox, Megaphone, Pencil, ShieldCheck, TriangleAlert } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApprovalResponse, EmailsResponse, OutreachEmailView } from '../schema/outreach-api';
import { LANGUAGE_NAMES } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import { AppLink, Badge, Button, buttonClass, EmptyState, Field, Icon, PageHeader, Skeleton, Toast } from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import { formatDate, type Lang, type Strings } from './i18n';
import { campaignPath, PATHS, prospectPath } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import { bi, emailsPath, OUTREACH_API, OutreachTabs, Quoted, stepName, When } from './staff-outreach-common';
import { SiteLink } from './staff-prospects';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';
import { PROSPECTS_STRINGS } from './strings/prospects';

type Decision = 'approve' | 'reject';

/**
 * The approval queue (/app/staff/outreach/approval), internal accounts only: every email
 * waiting for a person, as it will be sent, with the facts its personal lines rest on and
 * the evidence that the address may be written to (the page it was published on, when and
 * how it was found). Each is approved, rejected or edited (subject and content) on its own,
 * or many at once; an email without an address cannot be approved, and says why. Nothing
 * leaves without approval.
 */
export function StaffOutreachApproval(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const o = OUTREACH_STRINGS[lang];
  const { view, error, reload } = useStaffView<EmailsResponse>(emailsPath({ status: 'pending' }), t);
  // A campaign's page links here with `?campaign=`: its emails first.
  const [campaign, setCampaign] = useState(() => new URLSearchParams(location.search).get('campaign') ?? '');
  useEffect(() => {
    const path = PATHS['staff-outreach-approval'];
    history.replaceState(history.state, '', campaign ? `${path}?campaign=${encodeURIComponent(campaign)}` : path);
  }, [campaign]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<Decision | null>(null);
  const [bulkError, setBulkError] = useState('');
  const [toast, setToast] = useState<string | null>(null);
  const all = view?.emails ?? [];
  const campaigns = [...new Map(all.map((email) => [email.campaignId, email.campaignName])).entries()];
  const emails = campaign ? all.filter((email) => email.campaignId === campaign) : all;
  /** The campaign chosen has emails waiting (one from the address may have none). */
  const known = campaigns.some(([id]) => id === campaign);
  const chosen = emails.filter((email) => selected.has(email.id));
  const approvable = chosen.filter((email) => !email.missingEmail);
  const allChosen = emails.length > 0 && chosen.length === emails.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  });

  const select = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  /** Approves or rejects `ids`, says what it did, and loads the queue again. */
  const decide = async (decision: Decision, ids: readonly string[]) => {
    // An approval names the words it approves: one rewritten since it was read stays to read again.
    const versions = Object.fromEntries(all.filter((email) => ids.includes(email.id)).map((e) => [e.id, e.version]));
    const result = await api<ApprovalResponse>('POST', `${OUTREACH_API}/emails/${decision}`, { ids, versions });
    setSelected((old) => new Set([...old].filter((id) => !ids.includes(id))));
    setToast(decidedText(o, lang, result));
    await reload();
  };
  const bulk = async (decision: Decision) => {
    const ids = (decision === 'approve' ? approvable : chosen).map((email) => email.id);
    if (ids.length === 0) return;
    setBusy(decision);
    setBulkError('');
    try {
      await decide(decision, ids);
    } catch (caught) {
      setBulkError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };
  const missingChosen = chosen.length - approvable.length;
  return (
    <main class="staff staff-outreach">
      <PageHeader title={PROSPECT_SCREEN_NAMES[lang]['staff-outreach-approval']} description={o.orApprovalIntro} />
      <OutreachTabs lang={lang} current="staff-outreach-approval" go={go} />
      <ErrorLine text={error} />
      {!view ? (
        error ? null : (
          <Skeleton label={t.loading} blocks={3} />
        )
      ) : all.length === 0 ? (
        <EmptyState
          id="or-queue-empty"
          icon={Inbox}
          title={o.orQueueEmpty}
          actions={
            <AppLink class={buttonClass('primary')} href={PATHS['staff-outreach']} go={go}>
              <Icon icon={Megaphone} />
              {o.orToCampaigns}
            </AppLink>
          }
        >
          <p>{o.orQueueEmptyHelp}</p>
        </EmptyState>
      ) : (
        <>
          <div class="toolbar">
            <label class="pr-check or-select-all">
              <input
                ref={selectAll}
                type="checkbox"
                checked={allChosen}
                onChange={(e) =>
                  setSelected(e.currentTarget.checked ? new Set(emails.map((email) => email.id)) : new Set())
                }
              />{' '}
              {o.orSelectAll(count(emails.length, lang))}
            </label>
            {campaigns.length > 1 || (campaign && known) ? (
              <div class="sort-box">
                <label for="or-queue-campaign">{o.orCampaign}</label>
                <select
                  id="or-queue-campaign"
                  value={campaign}
                  onChange={(e) => {
                    setCampaign(e.currentTarget.value);
                    setSelected(new Set());
                  }}
                >
                  <option value="">{o.orAllCampaigns}</option>
                  {campaigns.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div class="btn-row">
              <Button
                variant="primary"
                icon={Check}
                busy={busy === 'approve'}
                disabled={busy !== null || approvable.length === 0}
                aria-describedby={missingChosen > 0 ? 'or-bulk-note' : undefined}
                onClick={() => bulk('approve')}
              >
                {o.orApproveSelected(count(approvable.length, lang))}
              </Button>
              <Button
                icon={Ban}
                busy={busy === 'reject'}
                disabled={busy !== null || chosen.length === 0}
                onClick={() => bulk('reject')}
              >
                {o.orRejectSelected(count(chosen.length, lang))}
              </Button>
            </div>
          </div>
          <p class="muted or-bulk-note" id="or-bulk-note" aria-live="polite">
            {missingChosen > 0 ? o.orSomeCannotBeApproved(missingChosen, count(missingChosen, lang)) : ''}
          </p>
          <ErrorLine text={bulkError} />
          <p class="muted pr-showing" aria-live="polite">
            {campaign && !known ? o.orNoneWaitingHere : o.orWaiting(emails.length, count(emails.length, lang))}{' '}
            {campaign && !known ? (
              <Button small variant="ghost" onClick={() => setCampaign('')}>
                {o.orShowEveryCampaign(count(all.length, lang))}
              </Button>
            ) : null}
          </p>
          <ul class="ft-tests or-queue">
            {emails.map((email) => (
              <li key={email.id}>
                <EmailCard
                  t={t}
                  o={o}
                  lang={lang}
                  email={email}
                  selected={selected.has(email.id)}
                  onSelect={(on) => select(email.id, on)}
                  onDecide={(decision) => decide(decision, [email.id])}
                  onSaved={async () => {
                    setToast(o.orEmailSaved);
                    await reload();
                  }}
                  go={go}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

/** What a decision did, in a sentence: "2 approved. 1 was no longer waiting." */
function decidedText(o: OutreachStrings, lang: Lang, result: ApprovalResponse): string {
  const parts = [
    result.approved > 0 ? o.orApprovedCount(result.approved, count(result.approved, lang)) : '',
    result.rejected > 0 ? o.orRejectedCount(result.rejected, count(result.rejected, lang)) : '',
    result.unchanged > 0 ? o.orUnchangedCount(result.unchanged, count(result.unchanged, lang)) : '',
    result.changed > 0 ? o.orChangedCount(result.changed, count(result.changed, lang)) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : o.orNothingChanged;
}

/** How an address was found on its page, in words. */
const howFound = (o: OutreachStrings, how: string) =>
  how === 'mailto' ? o.orFoundMailto : how === 'text' ? o.orFoundText : how;

function EmailCard(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  email: OutreachEmailView;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onDecide: (decision: Decision) => Promise<void>;
  onSaved: () => Promise<void>;
  go: (path: string) => void;
}) {
  const { t, o, lang, email, go } = props;
  const s = PROSPECTS_STRINGS[lang];
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const id = `or-email-${email.id}`;
  const company = email.companyName ?? o.orUnnamed;
  const decide = async (decision: Decision) => {
    setBusy(decision);
    setError('');
    try {
      await props.onDecide(decision);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <article class={`ft-test ${email.missingEmail ? 'ft-timeout' : 'ft-pending'}`} aria-labelledby={`${id}-title`}>
      <header class="ft-test-head">
        <div>
          <input
            id={`${id}-pick`}
            type="checkbox"
            checked={props.selected}
            onChange={(e) => props.onSelect(e.currentTarget.checked)}
          />
          <label for={`${id}-pick`} class="sr-only">
            {o.orSelectEmail(company)}
          </label>
        </div>
        <div class="ft-test-name">
          <h3 id={`${id}-title`}>
            {email.prospectId ? (
              <AppLink href={prospectPath(email.prospectId)} go={go}>
                {company}
              </AppLink>
            ) : (
              company
            )}
          </h3>
          <span class="ft-sub">
            {email.website ? <SiteLink class="pr-site" href={email.website} s={s} /> : null}
            <AppLink href={campaignPath(email.campaignId)} go={go}>
              {email.campaignName}
            </AppLink>
          </span>
        </div>
      </header>
      <p class="pr-badges or-tags">
        <Badge tone="info">{stepName(o, lang, email.step)}</Badge>
        <Badge>{LANGUAGE_NAMES[email.language][lang]}</Badge>
        {email.scheduledFor ? (
          <span class="muted">
            {o.orScheduledFor} <When iso={email.scheduledFor} lang={lang} />
          </span>
        ) : null}
      </p>
      {email.missingEmail || !email.prospectEmail ? (
        <p class="notice-box ft-off" id={`${id}-missing`}>
          <Icon icon={TriangleAlert} />
          <span>
            <strong>{o.orNoAddress}.</strong> {o.orMissingEmailWhy}
          </span>
        </p>
      ) : (
        <p>
          {o.orTo} <code>{email.prospectEmail}</code>
        </p>
      )}
      {email.why ? <p class="muted">{bi(email.why, lang)}</p> : null}
      {editing ? (
        <EditEmail
          t={t}
          o={o}
          email={email}
          onClose={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            await props.onSaved();
          }}
        />
      ) : (
        <div class="or-message">
          <p>
            <span class="muted">{o.orSubject}</span> <strong>{email.subject}</strong>
          </p>
          <Quoted text={email.content} />
        </div>
      )}
      <div class="pr-columns or-evidence">
        <div class="ft-part">
          <h4>{o.orFacts}</h4>
          {email.facts.length === 0 ? (
            <p class="muted">{o.orNoFacts}</p>
          ) : (
            <ul class="or-facts">
              {email.facts.map((fact) => (
                <li key={fact}>{o.orFactNames[fact] ?? fact}</li>
              ))}
            </ul>
          )}
          {email.writer && email.facts.length > 0 ? (
            <p class="muted">
              {email.writer === 'openai'
                ? o.orWriterOpenAi
                : email.writer === 'person'
                  ? o.orWriterPerson
                  : o.orWriterOffline}
            </p>
          ) : null}
          {email.refusedLine ? (
            <details class="or-refused">
              <summary>{o.orRefusedLine}</summary>
              {email.refusedLine.line ? <Quoted text={email.refusedLine.line} /> : null}
              <ul>
                {email.refusedLine.reasons.map((reason) => (
                  <li key={reason.en}>{bi(reason, lang)}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
        <div class="ft-part">
          <h4>
            <Icon icon={ShieldCheck} />
            {o.orConsent}
          </h4>
          {email.consent ? (
            <dl class="pr-facts pr-facts-compact">
              <div>
                <dt>{o.orConsentPage}</dt>
                <dd>
                  <SiteLink class="ft-url" href={email.consent.pageUrl} s={s}>
                    {email.consent.pageUrl}
                  </SiteLink>
                </dd>
              </div>
              <div>
                <dt>{o.orConsentFoundAt}</dt>
                <dd>
                  <time dateTime={email.consent.foundAt}>{formatDate(email.consent.foundAt, lang)}</time>
                </dd>
              </div>
              <div>
                <dt>{o.orConsentHow}</dt>
                <dd>{howFound(o, email.consent.how)}</dd>
              </div>
            </dl>
          ) : (
            <p class="muted">{o.orNoConsent}</p>
          )}
        </div>
      </div>
      <ErrorLine text={error} />
      {editing ? null : (
        <div class="btn-row">
          <Button
            variant="primary"
            small
            icon={CircleCheck}
            busy={busy === 'approve'}
            disabled={busy !== null || email.missingEmail || !email.prospectEmail}
            aria-describedby={email.missingEmail || !email.prospectEmail ? `${id}-missing` : undefined}
            onClick={() => decide('approve')}
          >
            {o.orApprove}
            <span class="sr-only"> — {company}</span>
          </Button>
          <Button small icon={Ban} busy={busy === 'reject'} disabled={busy !== null} onClick={() => decide('reject')}>
            {o.orReject}
            <span class="sr-only"> — {company}</span>
          </Button>
          <Button small variant="ghost" icon={Pencil} disabled={busy !== null} onClick={() => setEditing(true)}>
            {o.orEdit}
            <span class="sr-only"> — {company}</span>
          </Button>
        </div>
      )}
    </article>
  );
}

/** The email's subject and content, edited in place and saved with PUT (pending emails only). */
function EditEmail(props: {
  t: Strings;
  o: OutreachStrings;
  email: OutreachEmailView;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t, o, email } = props;
  const [subject, setSubject] = useState(email.subject);
  const [content, setContent] = useState(email.content);
  const [invalid, setInvalid] = useState<Record<string, string[]>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `or-edit-${email.id}`;
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const save = async (event: Event) => {
    event.preventDefault();
    setError('');
    const wrong: Record<string, string[]> = {};
    if (!subject.trim()) wrong.subject = [o.orSubjectRequired];
    if (!content.trim()) wrong.content = [o.orContentRequired];
    setInvalid(wrong);
    if (Object.keys(wrong).length > 0) return;
    setBusy(true);
    try {
      await api<OutreachEmailView>('PUT', `${OUTREACH_API}/emails/${encodeURIComponent(email.id)}`, {
        subject: subject.trim(),
        content,
      });
      await props.onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) setInvalid(caught.fields);
      setError(errorText(caught, t));
      setBusy(false);
    }
  };
  return (
    <form class="or-edit" onSubmit={save} noValidate>
      <Field id={`${id}-subject`} label={o.orSubject} error={invalid.subject}>
        {(control) => (
          <input
            {...control}
            ref={first}
            type="text"
            value={subject}
            onInput={(e) => setSubject(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${id}-content`} label={o.orContent} help={o.orContentHelp} error={invalid.content}>
        {(control) => (
          <textarea {...control} rows={12} value={content} onInput={(e) => setContent(e.currentTarget.value)} />
        )}
      </Field>
      <ErrorLine text={error} />
      <div class="btn-row">
        <Button variant="primary" small type="submit" busy={busy}>
          {busy ? o.orSaving : o.orSave}
        </Button>
        <Button small variant="ghost" disabled={busy} onClick={props.onClose}>
          {o.orCancel}
        </Button>
      </div>
    </form>
  );
}
