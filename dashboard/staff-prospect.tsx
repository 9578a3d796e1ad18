import {
  CalendarCheck,
  FileText,
  Gauge,
  Globe,
  ListOrdered,
  Mail,
  MessagesSquare,
  RefreshCw,
  ShieldBan,
  Store,
  Target,
  TriangleAlert,
} from 'lucide';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  EmailEvidence,
  FetchedPageEvidence,
  FormField,
  ProspectDetail,
  ProspectSource,
} from '../schema/prospects-api';
import { LANGUAGE_NAMES } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import { Badge, Button, Card, Icon, PageHeader, Skeleton, Stat, Table, Toast } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import { NEED_MAX, NEED_MIN, pathOf, signedPoints, sumScore } from './prospects-format';
import { count, ErrorLine } from './staff-common';
import { FormTestsSection } from './staff-form-tests';
import { NeedScore, SiteLink } from './staff-prospects';
import { PROSPECTS_STRINGS, type ProspectsStrings } from './strings/prospects';

/** How often a prospect whose site is being read is asked for again. */
const POLL_MS = 5000;

/**
 * One prospect (/app/staff/prospects/:id), internal accounts only: who it is, its two
 * scores side by side, the need score's parts adding up from the base to the total, and
 * the evidence its site gave (pages read, published addresses with their CASL standing,
 * the form, chat and booking tools, a no-solicitation notice, the site's age and upkeep),
 * where it was found, and a button that has the site read again. Every text from the site
 * is shown as text.
 */
export function StaffProspect(props: {
  t: Strings;
  lang: Lang;
  id: string;
  go: (path: string) => void;
  backHref: string;
}) {
  const { t, lang, id, go, backHref } = props;
  const s = PROSPECTS_STRINGS[lang];
  const [prospect, setProspect] = useState<ProspectDetail | null>(null);
  const [error, setError] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState('');
  const [toast, setToast] = useState<string | null>(null);
  /** The prospect being shown: an answer for one opened before must not replace it. */
  const shown = useRef(id);
  shown.current = id;

  const load = async () => {
    const asked = id;
    try {
      const fresh = await api<ProspectDetail>('GET', `/staff/prospects/${encodeURIComponent(asked)}`);
      if (shown.current !== asked) return;
      setProspect(fresh);
      setError('');
    } catch (caught) {
      if (shown.current !== asked) return;
      const notFound = caught instanceof ApiError && caught.status === 404;
      setMissing(notFound);
      setError(notFound ? s.prNotFound : errorText(caught, t));
    }
  };
  useEffect(() => {
    setProspect(null);
    setError('');
    setMissing(false);
    setActionError('');
    load();
  }, [id]);
  // While the site is being read, the page asks again until the analysis is done.
  const pending = prospect?.analysisStatus === 'pending';
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      if (!document.hidden) load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, id]);

  const reanalyse = async () => {
    setBusy(true);
    setActionError('');
    try {
      await api('POST', `/staff/prospects/${encodeURIComponent(id)}/analyze`);
      setProspect((old) => (old ? { ...old, analysisStatus: 'pending', analysisError: null } : old));
      setToast(s.prReanalyseQueued);
    } catch (caught) {
      setActionError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const back = { label: s.prBack, href: backHref, go: () => go(backHref) };
  if (!prospect) {
    return (
      <main class="staff staff-prospect">
        <PageHeader
          back={back}
          title={
            missing ? (
              s.prNotFoundTitle
            ) : error ? (
              s.prUnavailable
            ) : (
              <>
                <span class="skeleton skeleton-title" aria-hidden="true" />
                <span class="sr-only">{t.loading}</span>
              </>
            )
          }
        />
        {error ? <ErrorLine text={error} /> : <Skeleton label={t.loading} blocks={2} lines={4} />}
      </main>
    );
  }
  return (
    <main class="staff staff-prospect">
      <PageHeader
        back={back}
        title={prospect.businessName}
        description={
          <span class="pr-badges">
            <Badge
              tone={
                prospect.analysisStatus === 'analyzed'
                  ? 'success'
                  : prospect.analysisStatus === 'failed'
                    ? 'warning'
                    : 'info'
              }
            >
              {s.prStatuses[prospect.analysisStatus]}
            </Badge>
            {prospect.bilingual ? <Badge tone="brand">{s.prBilingual}</Badge> : null}
            {prospect.contacted ? <Badge>{s.prContactedBadge}</Badge> : null}
          </span>
        }
        actions={
          <Button icon={RefreshCw} busy={busy} onClick={reanalyse}>
            {busy ? s.prReanalysing : s.prReanalyse}
          </Button>
        }
      />
      <ErrorLine text={actionError} />
      {prospect.analysisStatus === 'pending' ? <p class="notice-line">{s.prAnalysisPending}</p> : null}
      {prospect.analysisStatus === 'failed' ? (
        <p class="notice-box">
          <Icon icon={TriangleAlert} /> {s.prAnalysisFailed(prospect.analysisError ?? t.none)}
        </p>
      ) : null}
      <div class="pr-columns">
        <Facts t={t} s={s} lang={lang} prospect={prospect} />
        <div class="pr-side">
          <Scores t={t} s={s} lang={lang} prospect={prospect} />
          <Explanation t={t} s={s} lang={lang} prospect={prospect} />
        </div>
      </div>
      <Evidence t={t} s={s} lang={lang} prospect={prospect} />
      <FormTestsSection t={t} lang={lang} prospectId={prospect.id} go={go} />
      <Sources t={t} s={s} lang={lang} prospect={prospect} />
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

interface Part {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  prospect: ProspectDetail;
}

/** A term and its value, in a description list. */
const Fact = (props: { term: string; children: ComponentChildren }) => (
  <div>
    <dt>{props.term}</dt>
    <dd>{props.children}</dd>
  </div>
);

function Facts({ t, s, lang, prospect }: Part) {
  const date = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDate(iso, lang)}</time> : t.none);
  return (
    <Card id="pr-facts" icon={Store} title={s.prFactsTitle}>
      <dl class="pr-facts">
        <Fact term={s.prWebsite}>
          <SiteLink href={prospect.website} s={s}>
            {prospect.website}
          </SiteLink>
        </Fact>
        <Fact term={s.prIndustry}>{prospect.industry ?? t.none}</Fact>
        <Fact term={s.prCity}>{[prospect.city, prospect.region].filter(Boolean).join(', ') || t.none}</Fact>
        <Fact term={s.prLanguage}>
          {prospect.language ? LANGUAGE_NAMES[prospect.language][lang] : t.none}
          {prospect.bilingual ? ` · ${s.prBilingual}` : ''}
        </Fact>
        <Fact term={s.prPhone}>{prospect.phone ? <a href={`tel:${prospect.phone}`}>{prospect.phone}</a> : t.none}</Fact>
        <Fact term={s.prContactEmail}>
          {prospect.contactEmail ? (
            <>
              <code>{prospect.contactEmail}</code>{' '}
              {prospect.contactable ? null : <Badge tone="danger">{s.prNotContactableBadge}</Badge>}
            </>
          ) : (
            t.none
          )}
        </Fact>
        <Fact term={s.prEmployees}>{prospect.employees === null ? t.none : count(prospect.employees, lang)}</Fact>
        <Fact term={s.prFormPage}>
          {prospect.formUrl ? (
            <SiteLink href={prospect.formUrl} s={s}>
              {pathOf(prospect.formUrl, prospect.website)}
            </SiteLink>
          ) : (
            t.none
          )}
        </Fact>
        <Fact term={s.prIcps}>{prospect.icps.map((icp) => icp.name).join(', ') || t.none}</Fact>
        <Fact term={s.prAdded}>{date(prospect.createdAt)}</Fact>
        <Fact term={s.prAnalysedAt}>{date(prospect.analyzedAt)}</Fact>
        <Fact term={s.prLastTested}>{date(prospect.lastTested)}</Fact>
        <Fact term={s.prResponseScore}>
          {prospect.responseScore === null ? t.none : count(prospect.responseScore, lang)}
        </Fact>
      </dl>
    </Card>
  );
}

function Scores({ t, s, lang, prospect }: Part) {
  return (
    <section class="stats pr-scores" aria-labelledby="pr-scores-title">
      <h2 id="pr-scores-title" class="sr-only">
        {s.prScoresTitle}
      </h2>
      <Stat
        icon={Gauge}
        label={s.prNeedScore}
        value={
          prospect.automationNeedScore === null ? (
            t.none
          ) : (
            <>
              {count(prospect.automationNeedScore, lang)}{' '}
              <span class="pr-out-of">{s.prOutOf(count(NEED_MAX, lang))}</span>
            </>
          )
        }
        note={prospect.automationNeedScore === null ? s.prNoScore : s.prNeedScoreNote}
      />
      <Stat
        icon={Target}
        label={s.prFitScore}
        value={
          prospect.fitScore === null ? (
            t.none
          ) : (
            <>
              {count(prospect.fitScore, lang)} <span class="pr-out-of">{s.prOutOf(count(100, lang))}</span>
            </>
          )
        }
        note={prospect.fitScore === null ? s.prFitNone : s.prFitScoreNote}
      />
    </section>
  );
}

/** The need score from its base, a part at a time, to its total: each line says what it added. */
function Explanation({ t, s, lang, prospect }: Part) {
  const score = prospect.score;
  if (!score) return null;
  const { base, lines, bound, total } = sumScore(score);
  return (
    <Card id="pr-why" icon={ListOrdered} title={s.prWhyTitle} description={score.summary[lang]}>
      <ol class="pr-parts" aria-label={s.prWhyList}>
        <li class="pr-part pr-part-base">
          <span class="pr-part-label">{s.prBase}</span>
          <span class="pr-points">{count(base, lang)}</span>
          <span class="pr-running" aria-hidden="true" />
        </li>
        {lines.map(({ part, running }) => (
          <li key={part.key} class="pr-part">
            <span class="pr-part-label">
              {part.label[lang]}
              {part.detail ? <span class="pr-part-detail">{part.detail[lang]}</span> : null}
            </span>
            <span class={`pr-points${part.points < 0 ? ' pr-minus' : ''}`}>{signedPoints(part.points, lang)}</span>
            <span class="pr-running">
              <span aria-hidden="true">= </span>
              <span class="sr-only">, {s.prTotal} </span>
              {count(running, lang)}
            </span>
          </li>
        ))}
        {bound !== 0 ? (
          <li class="pr-part pr-part-bound">
            <span class="pr-part-label">{s.prBounded(bound > 0, count(bound > 0 ? NEED_MIN : NEED_MAX, lang))}</span>
            <span class="pr-points">{signedPoints(bound, lang)}</span>
            <span class="pr-running">
              <span aria-hidden="true">= </span>
              {count(total, lang)}
            </span>
          </li>
        ) : null}
      </ol>
      <p class="pr-part pr-part-total">
        <span class="pr-part-label">{s.prTotal}</span>
        <span class="pr-points">{count(total, lang)}</span>
        <span class="pr-running">
          <NeedScore score={total} t={t} lang={lang} />
        </span>
      </p>
    </Card>
  );
}

const yesNo = (value: boolean, s: ProspectsStrings) => (value ? s.prYes : s.prNo);

function Evidence({ t, s, lang, prospect }: Part) {
  const evidence = prospect.evidence;
  if (!evidence)
    return (
      <Card id="pr-evidence" icon={FileText} title={s.prEvidenceTitle}>
        <p class="muted">{s.prNoEvidence}</p>
      </Card>
    );
  const site = prospect.website;
  const when = (iso: string) => <time dateTime={iso}>{formatDate(iso, lang)}</time>;
  const page = (url: string) => (
    <SiteLink href={url} s={s}>
      {pathOf(url, site)}
    </SiteLink>
  );
  const list = (items: readonly string[]) =>
    items.length === 0 ? (
      <span class="muted">{s.prNoneFound}</span>
    ) : (
      <span class="pr-badges">
        {items.map((item) => (
          <Badge key={item} tone="info">
            {item}
          </Badge>
        ))}
      </span>
    );
  return (
    <div class="pr-evidence">
      <h2 class="pr-section-title">{s.prEvidenceTitle}</h2>
      <Card id="pr-pages" icon={FileText} title={s.prPagesTitle} class="pr-wide">
        <Table<FetchedPageEvidence>
          caption={s.prPagesCaption}
          rows={evidence.pages}
          rowKey={(row) => row.url}
          columns={[
            { key: 'page', header: s.prPage, cell: (row) => page(row.url) },
            {
              key: 'status',
              header: s.prHttpStatus,
              cell: (row) =>
                row.error ? (
                  <span class="pr-error-text">{s.prPageError(row.error)}</span>
                ) : row.status === null ? (
                  t.none
                ) : (
                  String(row.status)
                ),
            },
            { key: 'title', header: s.prPageTitle, cell: (row) => row.title ?? t.none },
            { key: 'when', header: s.prWhen, cell: (row) => when(row.fetchedAt) },
          ]}
        />
      </Card>
      <Card id="pr-emails" icon={Mail} title={s.prEmailsTitle} class="pr-wide">
        {evidence.emails.length === 0 ? (
          <p class="muted">{s.prNoEmails}</p>
        ) : (
          <Table<EmailEvidence>
            caption={s.prEmailsCaption}
            rows={evidence.emails}
            rowKey={(row) => `${row.address} ${row.pageUrl}`}
            columns={[
              { key: 'address', header: s.prAddress, cell: (row) => <code>{row.address}</code> },
              {
                key: 'consent',
                header: s.prConsent,
                cell: (row) =>
                  row.contactable ? (
                    <Badge tone="success">{s.prContactableBadge}</Badge>
                  ) : row.noSolicitationNotice ? (
                    <Badge tone="danger" icon={ShieldBan}>
                      {s.prNoSolicitationBadge}
                    </Badge>
                  ) : (
                    <Badge tone="danger">{s.prNotContactableBadge}</Badge>
                  ),
              },
              { key: 'how', header: s.prHow, cell: (row) => (row.how === 'mailto' ? s.prHowMailto : s.prHowText) },
              { key: 'page', header: s.prFoundOn, cell: (row) => page(row.pageUrl) },
              { key: 'when', header: s.prWhen, cell: (row) => when(row.foundAt) },
            ]}
          />
        )}
        <h3 class="pr-subtitle">{s.prPhonesTitle}</h3>
        {evidence.phones.length === 0 ? (
          <p class="muted">{s.prNoPhones}</p>
        ) : (
          <ul class="pr-inline-list">
            {evidence.phones.map((phone) => (
              <li key={phone}>{phone}</li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="pr-form" icon={FileText} title={s.prFormTitle} class="pr-wide">
        {evidence.javascriptOnlyForm ? <p class="notice-line">{s.prJsOnlyForm}</p> : null}
        {!evidence.form ? (
          <p class="muted">{s.prNoForm}</p>
        ) : (
          <>
            <dl class="pr-facts">
              <Fact term={s.prPage}>{page(evidence.form.pageUrl)}</Fact>
              <Fact term={s.prFormAction}>
                <code>{evidence.form.action}</code>
              </Fact>
              <Fact term={s.prMethod}>
                <code>{evidence.form.method.toUpperCase()}</code>
              </Fact>
              <Fact term={s.prEnctype}>
                <code>{evidence.form.enctype}</code>
              </Fact>
              <Fact term={s.prCaptcha}>
                {evidence.form.captcha ? (
                  <Badge tone="warning">{s.prCaptchas[evidence.form.captcha]}</Badge>
                ) : (
                  s.prNoCaptcha
                )}
              </Fact>
            </dl>
            <Table<FormField & { index: number }>
              caption={s.prFieldsCaption}
              rows={evidence.form.fields.map((field, index) => ({ ...field, index }))}
              rowKey={(row) => String(row.index)}
              columns={[
                { key: 'label', header: s.prFieldLabel, cell: (row) => row.label ?? t.none },
                { key: 'name', header: s.prFieldName, cell: (row) => (row.name ? <code>{row.name}</code> : t.none) },
                { key: 'type', header: s.prFieldType, cell: (row) => <code>{row.type}</code> },
                { key: 'kind', header: s.prFieldKind, cell: (row) => s.prKinds[row.kind] ?? row.kind },
                { key: 'required', header: s.prRequired, cell: (row) => yesNo(row.required, s) },
              ]}
            />
          </>
        )}
      </Card>
      <Card id="pr-tools" icon={MessagesSquare} title={s.prToolsTitle}>
        <dl class="pr-facts">
          <Fact term={s.prChatWidgets}>{list(evidence.chatWidgets)}</Fact>
          <Fact term={s.prBookingTools}>{list(evidence.bookingTools)}</Fact>
        </dl>
        <h3 class="pr-subtitle">{s.prNoticeTitle}</h3>
        {evidence.noSolicitation ? (
          <>
            <p>
              <Badge tone="danger" icon={ShieldBan}>
                {s.prNoSolicitationBadge}
              </Badge>
            </p>
            <blockquote class="pr-excerpt">{evidence.noSolicitation.excerpt}</blockquote>
            <p class="meta-inline">
              {s.prNoticeOn} {page(evidence.noSolicitation.pageUrl)}
            </p>
          </>
        ) : (
          <p class="muted">{s.prNoNotice}</p>
        )}
      </Card>
      <Card id="pr-site" icon={Globe} title={s.prSiteTitle}>
        <dl class="pr-facts">
          <Fact term={s.prCopyright}>{evidence.copyrightYear === null ? t.none : String(evidence.copyrightYear)}</Fact>
          <Fact term={s.prViewport}>{yesNo(evidence.viewport, s)}</Fact>
          <Fact term={s.prHttps}>{yesNo(evidence.https, s)}</Fact>
          <Fact term={s.prSiteLanguages}>
            {evidence.languages.map((language) => LANGUAGE_NAMES[language][lang]).join(', ') || t.none}
          </Fact>
        </dl>
      </Card>
    </div>
  );
}

function Sources({ t, s, lang, prospect }: Part) {
  const icpName = (id: string | null) =>
    id === null ? t.none : (prospect.icps.find((icp) => icp.id === id)?.name ?? <code>{id}</code>);
  return (
    <Card id="pr-sources" icon={CalendarCheck} title={s.prSourcesTitle}>
      <Table<ProspectSource>
        caption={s.prSourcesCaption}
        rows={prospect.sourceRecords}
        rowKey={(row) => `${row.provider} ${row.sourceId}`}
        columns={[
          { key: 'provider', header: s.prProvider, cell: (row) => s.prProviders[row.provider] ?? row.provider },
          { key: 'id', header: s.prSourceId, cell: (row) => <code>{row.sourceId}</code> },
          {
            key: 'found',
            header: s.prFound,
            cell: (row) => <time dateTime={row.foundAt}>{formatDate(row.foundAt, lang)}</time>,
          },
          { key: 'icp', header: s.prIcp, cell: (row) => icpName(row.icpId) },
        ]}
      />
    </Card>
  );
}
