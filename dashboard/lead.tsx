import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type LeadDetail, type Note } from './api';
import { formatDate, type Lang, type Strings } from './i18n';
import { intentLabel, urgencyLabel } from './inbox';
import { errorText } from './sign-in';

type Action = { action: 'tag'; tag: string } | { action: 'archive' | 'delete' | 'reactivate' };

/** One lead: message, bilingual summary, triage, actions, notes and timeline. */
export function LeadView(props: { t: Strings; lang: Lang; id: string; back: () => void }) {
  const { t, lang, id, back } = props;
  const [lead, setLead] = useState<LeadDetail | null>(null);
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const reload = async () => {
    try {
      setLead(await api<LeadDetail>('GET', `/leads/${id}`));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 404 ? t.notFound : errorText(caught, t));
    }
  };
  useEffect(() => {
    setLead(null);
    reload();
  }, [id]);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      await work();
      await reload();
      setStatus(t.done);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const act = (action: Action) => run(() => api('POST', '/leads/actions', { ids: [id], ...action }));
  const addNote = (event: Event) => {
    event.preventDefault();
    if (!note.trim()) return;
    run(async () => {
      await api<{ note: Note }>('POST', `/leads/${id}/notes`, { note });
      setNote('');
    });
  };

  const backLink = (
    <a
      href="/app"
      class="back"
      onClick={(e) => {
        e.preventDefault();
        back();
      }}
    >
      ← {t.back}
    </a>
  );
  if (!lead) {
    return (
      <main>
        {backLink}
        <p class="error" role="alert">
          {error}
        </p>
        {error ? null : <p aria-live="polite">{t.loading}</p>}
      </main>
    );
  }
  const summary = summaryLang === 'fr' ? lead.aiSummaryFr : lead.aiSummaryEn;
  return (
    <main>
      {backLink}
      <h1>{lead.name}</h1>
      <p class="contact">
        <a href={`mailto:${lead.email}`}>{lead.email}</a>
        {lead.phone ? ` · ${lead.phone}` : ''} ·{' '}
        <time dateTime={lead.createdAt}>{formatDate(lead.createdAt, lang)}</time>
      </p>
      <dl class="facts">
        <dt>{t.intent}</dt>
        <dd>{intentLabel(lead, lang) || t.none}</dd>
        <dt>{t.urgency}</dt>
        <dd>{urgencyLabel(lead.urgency, t)}</dd>
        <dt>{t.tone}</dt>
        <dd>{lead.tone ?? t.none}</dd>
        <dt>{t.confidence}</dt>
        <dd>{lead.confidence === null ? t.none : `${lead.confidence} %`}</dd>
        <dt>{t.tag}</dt>
        <dd data-testid="tag">{lead.currentTag ?? t.none}</dd>
      </dl>
      <section>
        <h2>{t.message}</h2>
        <p class="message">{lead.message}</p>
      </section>
      <section>
        <h2 id="summary-heading">{t.summary}</h2>
        <fieldset class="switch">
          <legend>{t.summaryLanguage}</legend>
          {(['en', 'fr'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={summaryLang === l} onClick={() => setSummaryLang(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </fieldset>
        <p class="summary-text" lang={summaryLang} aria-live="polite">
          {summary ?? (lead.aiSummaryEn || lead.aiSummaryFr ? t.notTranslated : t.noSummary)}
        </p>
      </section>
      <section>
        <h2>{t.actions}</h2>
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => act({ action: 'tag', tag: 'Converted' })}>
            {t.tagConverted}
          </button>
          <button type="button" disabled={busy} onClick={() => act({ action: 'tag', tag: 'Hot Lead' })}>
            {t.tagHot}
          </button>
          {lead.archived || lead.deleted ? (
            <button type="button" disabled={busy} onClick={() => act({ action: 'reactivate' })}>
              {t.reactivate}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => act({ action: 'archive' })}>
              {t.archive}
            </button>
          )}
          {lead.deleted ? null : (
            <button type="button" class="danger" disabled={busy} onClick={() => act({ action: 'delete' })}>
              {t.delete}
            </button>
          )}
        </div>
        <p role="status" aria-live="polite">
          {status}
        </p>
        <p class="error" role="alert">
          {error}
        </p>
      </section>
      <section>
        <h2>{t.notes}</h2>
        {lead.notes.length === 0 ? (
          <p>{t.noNotes}</p>
        ) : (
          <ul class="notes">
            {lead.notes.map((n) => (
              <li key={n.id}>
                <p>{n.note}</p>
                <small>
                  {n.performedBy} · {formatDate(n.createdAt, lang)}
                </small>
              </li>
            ))}
          </ul>
        )}
        <form class="note-form" onSubmit={addNote}>
          <label for="note">{t.noteLabel}</label>
          <textarea id="note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="submit" disabled={busy || !note.trim()}>
            {t.addNote}
          </button>
        </form>
      </section>
      <section>
        <h2>{t.timeline}</h2>
        <ol class="timeline">
          {lead.timeline.map((item) => (
            <li key={item.id}>
              <time dateTime={item.at}>{formatDate(item.at, lang)}</time> — {item.action}
              {item.tag ? ` (${item.tag})` : ''} · {item.performedBy}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
