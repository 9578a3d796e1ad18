import { useEffect, useState } from 'preact/hooks';
import { LEAD_TONES, URGENCIES } from '../schema/vocabulary';
import { ApiError, api, type LeadDetail, type Note } from './api';
import { HistoryChart } from './history-chart';
import { formatDate, formatPercent, type Lang, type Strings } from './i18n';
import { intentLabel, urgencyLabel } from './inbox';
import { LeadActions, type Notice, tagLabel, useTags } from './lead-actions';
import { NoticeLine } from './notice';
import { errorText } from './sign-in';
import { Timeline } from './timeline';

/** Notes longer than this show their start, with a button to expand them. */
const NOTE_PREVIEW_CHARS = 280;

/**
 * One lead: contact, message, the bilingual AI summary, triage with its histories, the
 * reply it was sent, actions, notes and its timeline.
 */
export function LeadView(props: { t: Strings; lang: Lang; id: string; back: () => void }) {
  const { t, lang, id, back } = props;
  const [lead, setLead] = useState<LeadDetail | null>(null);
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState('');
  const [tagsVersion, setTagsVersion] = useState(0);
  const tags = useTags(tagsVersion);

  const reload = async () => {
    try {
      setLead(await api<LeadDetail>('GET', `/leads/${id}`));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 404 ? t.notFound : errorText(caught, t));
    }
  };
  useEffect(() => {
    setLead(null);
    setError('');
    reload();
  }, [id]);
  const done = async (next: Notice) => {
    await reload();
    setTagsVersion((n) => n + 1);
    setNotice(next);
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
  const tone = (value: string) => t.toneNames[value] ?? value;
  return (
    <main>
      {backLink}
      <h1>
        {lead.name}
        {lead.isTest ? <span class="badge">{t.testBadge}</span> : null}
      </h1>
      <p class="contact">
        <a href={`mailto:${lead.email}`}>{lead.email}</a>
        {lead.phone ? (
          <>
            {' · '}
            <a href={`tel:${lead.phone}`}>{lead.phone}</a>
          </>
        ) : null}
        {' · '}
        <time dateTime={lead.createdAt}>{formatDate(lead.createdAt, lang)}</time>
      </p>
      {lead.inSpam ? <p class="notice-box">{lead.spamReason ? t.setAside[lead.spamReason] : t.inSpamFolder}</p> : null}
      <section>
        <h2>{t.message}</h2>
        <p class="message">{lead.message}</p>
      </section>
      <section>
        <h2>{t.summary}</h2>
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
        <p class="hint">
          {lead.enrichmentEngine ? t.enrichedBy(lead.enrichmentEngine) : lead.isSpam ? t.notTriaged : t.awaitingTriage}
        </p>
      </section>
      <section>
        <h2>{t.details}</h2>
        <dl class="facts">
          <div>
            <dt>{t.intent}</dt>
            <dd>{intentLabel(lead, lang) || t.none}</dd>
          </div>
          <div>
            <dt>{t.tag}</dt>
            <dd data-testid="tag">{lead.currentTag ? tagLabel(lead.currentTag, lang) : t.none}</dd>
          </div>
          <div>
            <dt>{t.urgency}</dt>
            <dd>
              {urgencyLabel(lead.urgency, t)}
              <HistoryChart
                t={t}
                lang={lang}
                name={t.urgency}
                points={lead.history.urgency}
                levels={URGENCIES}
                format={(value) => urgencyLabel(value, t)}
              />
            </dd>
          </div>
          <div>
            <dt>{t.tone}</dt>
            <dd>
              {lead.tone ? tone(lead.tone) : t.none}
              <HistoryChart
                t={t}
                lang={lang}
                name={t.tone}
                points={lead.history.tone}
                levels={LEAD_TONES}
                format={tone}
              />
            </dd>
          </div>
          <div>
            <dt>{t.confidence}</dt>
            <dd>
              {lead.confidence === null ? t.none : formatPercent(lead.confidence, lang)}
              <HistoryChart
                t={t}
                lang={lang}
                name={t.confidence}
                points={lead.history.confidence}
                format={(value) => formatPercent(value, lang)}
              />
            </dd>
          </div>
        </dl>
      </section>
      <section>
        <h2>{t.actions}</h2>
        <LeadActions t={t} lang={lang} leads={[lead]} tags={tags} onDone={done} />
        <NoticeLine
          t={t}
          lang={lang}
          notice={notice}
          onUndone={async (undone) => {
            await reload();
            setNotice(undone);
          }}
        />
      </section>
      <section>
        <h2>{t.sentReply}</h2>
        {lead.reply ? (
          <article class="reply">
            <p>
              <strong>{lead.reply.subject}</strong>
              <br />
              <small>
                {t.replyStatus[lead.reply.status] ?? lead.reply.status}
                {lead.reply.sentAt ? ` · ${formatDate(lead.reply.sentAt, lang)}` : ''}
              </small>
            </p>
            <p class="message">{lead.reply.text}</p>
          </article>
        ) : (
          <p>{t.noReply}</p>
        )}
      </section>
      <Notes t={t} lang={lang} leadId={lead.id} notes={lead.notes} onChange={(text) => done({ text })} />
      <section>
        <h2>{t.timeline}</h2>
        <Timeline t={t} lang={lang} items={lead.timeline} />
      </section>
    </main>
  );
}

/** The lead's notes: add, edit, delete; long ones shown in part until expanded. */
function Notes(props: {
  t: Strings;
  lang: Lang;
  leadId: string;
  notes: Note[];
  onChange: (message: string) => Promise<void>;
}) {
  const { t, lang, leadId, notes, onChange } = props;
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      await onChange(t.done);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const add = (event: Event) => {
    event.preventDefault();
    if (!draft.trim()) return;
    run(async () => {
      await api('POST', `/leads/${leadId}/notes`, { note: draft });
      setDraft('');
    });
  };
  const save = (event: Event) => {
    event.preventDefault();
    if (!editing?.text.trim()) return;
    run(async () => {
      await api('PATCH', `/leads/${leadId}/notes/${editing.id}`, { note: editing.text });
      setEditing(null);
    });
  };
  const remove = (id: string) => {
    if (!confirm(t.confirmDeleteNote)) return;
    run(() => api('DELETE', `/leads/${leadId}/notes/${id}`));
  };

  return (
    <section>
      <h2>{t.notes}</h2>
      {notes.length === 0 ? (
        <p>{t.noNotes}</p>
      ) : (
        <ul class="notes">
          {notes.map((note) => {
            const long = note.note.length > NOTE_PREVIEW_CHARS;
            const open = expanded.has(note.id);
            if (editing?.id === note.id) {
              return (
                <li key={note.id}>
                  <form onSubmit={save}>
                    <label for={`edit-${note.id}`}>{t.editNoteLabel}</label>
                    <textarea
                      id={`edit-${note.id}`}
                      rows={4}
                      maxLength={10_000}
                      value={editing.text}
                      onInput={(e) => setEditing({ id: note.id, text: e.currentTarget.value })}
                    />
                    <div class="actions">
                      <button type="submit" disabled={busy || !editing.text.trim()}>
                        {t.saveNote}
                      </button>
                      <button type="button" class="secondary" onClick={() => setEditing(null)}>
                        {t.cancel}
                      </button>
                    </div>
                  </form>
                </li>
              );
            }
            return (
              <li key={note.id}>
                <p class="note-text" id={`note-${note.id}`}>
                  {long && !open ? `${note.note.slice(0, NOTE_PREVIEW_CHARS)}…` : note.note}
                </p>
                <small>
                  {note.performedBy} · {formatDate(note.createdAt, lang)}
                  {note.updatedAt !== note.createdAt ? ` · ${t.noteEdited}` : ''}
                </small>
                <div class="actions small">
                  {long ? (
                    <button
                      type="button"
                      class="link"
                      aria-expanded={open}
                      aria-controls={`note-${note.id}`}
                      onClick={() =>
                        setExpanded((old) => {
                          const next = new Set(old);
                          if (!next.delete(note.id)) next.add(note.id);
                          return next;
                        })
                      }
                    >
                      {open ? t.showLess : t.showMore}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    class="link"
                    disabled={busy}
                    onClick={() => setEditing({ id: note.id, text: note.note })}
                  >
                    {t.editNote}
                  </button>
                  <button type="button" class="link danger-text" disabled={busy} onClick={() => remove(note.id)}>
                    {t.deleteNote}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <form class="note-form" onSubmit={add}>
        <label for="note">{t.noteLabel}</label>
        <textarea
          id="note"
          rows={3}
          maxLength={10_000}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !draft.trim()}>
          {t.addNote}
        </button>
      </form>
      <p class="error" role="alert">
        {error}
      </p>
    </section>
  );
}
