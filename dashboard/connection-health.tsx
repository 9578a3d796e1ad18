import { CircleAlert, CircleCheck, Plug } from 'lucide';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../schema/app-api';
import type { ConnectionHealthView, ConnectionProblem, ConnectionSite } from '../schema/connection-health-api';
import { api, errorText } from './api';
import { CONNECTION_CARD, CONNECTION_LINK, useConnectionHealth } from './connection-view';
import { AppLink, Badge, Button, Card, type Column, Icon, Table } from './design';
import { formatDate, formatDuration, formatNumber, type Lang, type Strings } from './i18n';
import { CONNECTION_STRINGS } from './strings/connection';

/**
 * Whether the client's form still reaches Avenir (features/connection-health): a banner on
 * the home when something needs the client, and the settings' card with each problem,
 * what to do about it ("allow this site" among them) and the sites the form was used on.
 */

/** The usual gap between leads as a person says it: whole hours past two hours ("8 h", "3 d 4 h"). */
export const gapText = (hours: number, lang: Lang) =>
  // "3 h" stays on one line.
  formatDuration(hours >= 2 ? Math.round(hours) * 60 : hours * 60, lang).replace(/(\d) /g, '$1\u00a0');

/** A problem's headline, in figures the log shows. */
export function problemTitle(problem: ConnectionProblem, lang: Lang): string {
  const s = CONNECTION_STRINGS[lang];
  const n = (value: number) => formatNumber(value, lang);
  switch (problem.kind) {
    case 'refused_origin':
      return s.problem.refused_origin(problem.origin, n(problem.count));
    case 'old_key':
      return s.problem.old_key(problem.keyPrefix, n(problem.count));
    case 'rate_limited':
      return s.problem.rate_limited(n(problem.count));
    case 'invalid_submissions':
      return s.problem.invalid_submissions(n(problem.count));
    case 'quiet':
      return s.problem.quiet(formatDuration(problem.silentHours * 60, lang));
  }
}

/** The home's banner: shown only while a problem lasts, each one line, and the way to the fix. */
export function ConnectionBanner(props: { lang: Lang; go: (path: string) => void; view: ConnectionHealthView | null }) {
  const { lang, view } = props;
  if (!view || view.problems.length === 0) return null;
  const s = CONNECTION_STRINGS[lang];
  return (
    <section class="connection-banner" aria-labelledby="connection-banner-title">
      <h2 id="connection-banner-title" class="connection-title">
        <Icon icon={CircleAlert} /> {s.bannerTitle(view.problems.length)}
      </h2>
      <ul>
        {view.problems.map((problem) => (
          <li key={problem.key}>
            <strong>{problemTitle(problem, lang)}.</strong> {s.todo[problem.kind]}
          </li>
        ))}
      </ul>
      <AppLink class="connection-fix" href={CONNECTION_LINK} go={props.go}>
        {s.bannerFix}
      </AppLink>
    </section>
  );
}

/** The settings' card: how the form is doing, each problem with its action, and the sites it was used on. */
export function ConnectionCard(props: {
  t: Strings;
  lang: Lang;
  clientId: string;
  /** Bumped by the caller after a change that may fix a problem (a rotated key, a saved site list). */
  version: number;
  onSettings: (settings: SettingsView) => void;
}) {
  const { t, lang } = props;
  const s = CONNECTION_STRINGS[lang];
  const [allowed, setAllowed] = useState(0);
  const { view, error } = useConnectionHealth(props.clientId, props.version + allowed);
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState('');

  const allow = async (origin: string) => {
    setBusy(true);
    setActionError('');
    try {
      props.onSettings(await api<SettingsView>('POST', '/settings/allowed-origins', { origin }));
      setStatus(s.allowed(origin));
      setAsking(null);
      setAllowed((n) => n + 1);
    } catch (caught) {
      setActionError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card id={CONNECTION_CARD} icon={Plug} title={s.title} description={s.help}>
      {error ? (
        <p class="error" role="alert">
          {errorText(error, t)}
        </p>
      ) : null}
      {view ? (
        <>
          <Summary lang={lang} view={view} />
          {view.problems.length > 0 ? (
            <ul class="connection-problems">
              {view.problems.map((problem) => (
                <li key={problem.key}>
                  <p>
                    <Icon icon={CircleAlert} /> <strong>{problemTitle(problem, lang)}</strong>
                    {'lastAt' in problem ? ` (${s.lastAt(formatDate(problem.lastAt, lang))})` : null}
                  </p>
                  <p class="hint">{s.todo[problem.kind]}</p>
                  {problem.kind === 'refused_origin' && asking === problem.origin ? (
                    <AllowConfirm
                      lang={lang}
                      origin={problem.origin}
                      busy={busy}
                      error={actionError}
                      onConfirm={() => allow(problem.origin)}
                      onCancel={() => {
                        setAsking(null);
                        setActionError('');
                      }}
                    />
                  ) : (
                    <ProblemAction
                      lang={lang}
                      problem={problem}
                      onAllow={(origin) => {
                        setStatus('');
                        setAsking(origin);
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <p class="st-status" role="status">
            {status}
          </p>
          <Sites lang={lang} sites={view.sites} />
        </>
      ) : null}
    </Card>
  );
}

/** "Allow this site?" in place, its question focused so a screen reader reads it next. */
function AllowConfirm(props: {
  lang: Lang;
  origin: string;
  busy: boolean;
  error: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const s = CONNECTION_STRINGS[props.lang];
  const title = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => title.current?.focus(), []);
  return (
    <div class="st-confirm">
      <h4 ref={title} tabIndex={-1}>
        {s.allowTitle}
      </h4>
      <p>{s.allowText(props.origin)}</p>
      <p class="error" role="alert">
        {props.error}
      </p>
      <div class="st-actions">
        <Button variant="primary" busy={props.busy} onClick={props.onConfirm}>
          {s.allowConfirm}
        </Button>
        <Button variant="ghost" small disabled={props.busy} onClick={props.onCancel}>
          {s.allowCancel}
        </Button>
      </div>
    </div>
  );
}

function Summary(props: { lang: Lang; view: ConnectionHealthView }) {
  const { lang, view } = props;
  const s = CONNECTION_STRINGS[lang];
  const parts = [
    view.lastLeadAt ? s.lastLead(formatDate(view.lastLeadAt, lang)) : s.noLead,
    view.usualGapHours === null ? '' : s.usualGap(gapText(view.usualGapHours, lang)),
  ].filter(Boolean);
  return (
    <div class="connection-summary">
      {view.status === 'ok' ? (
        <p class="connection-ok">
          <Icon icon={CircleCheck} /> {s.ok}
        </p>
      ) : view.status === 'no_history' ? (
        <p>{s.noHistory}</p>
      ) : null}
      <p>{parts.join(' — ')}.</p>
    </div>
  );
}

/** What the client can do about one problem, right there. */
function ProblemAction(props: { lang: Lang; problem: ConnectionProblem; onAllow: (origin: string) => void }) {
  const { lang, problem } = props;
  const s = CONNECTION_STRINGS[lang];
  if (problem.kind === 'refused_origin') {
    return (
      <Button variant="primary" small onClick={() => props.onAllow(problem.origin)}>
        {s.allow}
      </Button>
    );
  }
  if (problem.kind === 'old_key') return <a href="#st-embed">{s.pasteSnippet}</a>;
  // A test lead shows whether the form sends; it says nothing of a page sending too fast.
  if (problem.kind === 'rate_limited') return null;
  return <a href="#st-tools">{s.sendTest}</a>;
}

function Sites(props: { lang: Lang; sites: readonly ConnectionSite[] }) {
  const { lang, sites } = props;
  const s = CONNECTION_STRINGS[lang];
  if (sites.length === 0) return <p class="hint">{s.noSites}</p>;
  const n = (value: number) => formatNumber(value, lang);
  const columns: Column<ConnectionSite>[] = [
    { key: 'site', header: s.site, cell: (site) => site.origin ?? s.noOrigin },
    {
      key: 'status',
      header: s.status,
      cell: (site) =>
        site.allowed ? (
          <Badge tone="success">{s.allowedBadge}</Badge>
        ) : (
          <Badge tone="warning">{s.notAllowedBadge}</Badge>
        ),
    },
    { key: 'accepted', header: s.accepted, cell: (site) => n(site.accepted) },
    {
      key: 'refused',
      header: s.refused,
      cell: (site) => n(Object.values(site.refused).reduce((sum, value) => sum + value, 0)),
    },
    { key: 'last', header: s.lastRequest, cell: (site) => formatDate(site.lastRequestAt, lang) },
  ];
  return (
    <Table
      caption={s.sitesCaption}
      columns={columns}
      rows={sites}
      rowKey={(site) => site.origin ?? ''}
      class="connection-sites"
    />
  );
}
