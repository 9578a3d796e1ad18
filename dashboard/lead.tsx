import {
  CalendarClock,
  FlaskConical,
  History,
  ListChecks,
  Mail,
  MessageSquareText,
  PencilLine,
  Phone,
  Reply,
  ShieldAlert,
  Sparkles,
  StickyNote,
  Tag,
} from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LANGUAGE_NAMES, LEAD_TONES, otherLanguage, URGENCIES } from '../schema/vocabulary';
import { ApiError, api, errorText, type LeadDetail, type Note } from './api';
import { confidenceLevel } from './confidence';
import { Badge, Button, Card, Icon, PageHeader, Skeleton } from './design';
import { HistoryChart } from './history-chart';
import { formatDate, formatPercent, type Lang, type Strings } from './i18n';
import { LeadActions, type Notice, tagLabel, useTags } from './lead-actions';
import { IntentBadge, UrgencyBadge, urgencyLabel } from './lead-badges';
import { CorrectionForm } from './lead-correction';
import { NoticeLine } from './notice';
import { Timeline } from './timeline';
import './strings/leads';

/** Notes longer than this show their start, with a button to expand them. */
const NOTE_PREVIEW_CHARS = 280;

/**
 * One lead, in two columns at desktop: what the person wrote and the reply they got; then
 * the AI's reading (the bilingual summary, intent, urgency, tone, language, confidence in
 * words, with their histories) and its "Correct" form in place (lead-correction.tsx),
 * actions, notes and the timeline.
 */
export function LeadView(props: { t: Strings; lang: Lang; id: string; back: () => void; backHref: string }) {
  const { t, lang, id, back } = props;
  const [lead, setLead] = useState<LeadDetail | null>(null);
  /** The summary's language when the person chose one; else the dashboard's, if the summary exists in it. */
  const [chosenSummaryLang, setSummaryLang] = useState<Lang | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState('');
  const [missing, setMissing] = useState(false);
  const [tagsVersion, setTagsVersion] = useState(0);
  /** The AI's reading is being corrected (its form open in place of the facts). */
  const [correcting, setCorrecting] = useState(false);
  /** The form just closed: its "Correct" button gets the focus back once drawn. */
  const [refocus, setRefocus] = useState(false);
  const tags = useTags(tagsVersion);
  /** The lead being shown: an answer for one opened before must not replace it. */
  const shown = useRef(id);
  shown.current = id;

  const reload = async () => {
    const asked = id;
    try {
      const fresh = await api<LeadDetail>('GET', `/leads/${asked}`);
      if (shown.current === asked) setLead(fresh);
    } catch (caught) {
      if (shown.current !== asked) return;
      const notFound = caught instanceof ApiError && caught.status === 404;
      setMissing(notFound);
      setError(notFound ? t.notFound : errorText(caught, t));
    }
  };
  useEffect(() => {
    setLead(null);
    setError('');
    setMissing(false);
    setNotice(null);
    setSummaryLang(null);
    setCorrecting(false);
    reload();
  }, [id]);
  useEffect(() => {
    if (!refocus || correcting) return;
    document.getElementById('correct-reading')?.focus();
    setRefocus(false);
  }, [refocus, correcting, lead]);
  const closeCorrection = () => {
    setCorrecting(false);
    setRefocus(true);
  };
  const done = async (next: Notice) => {
    await reload();
    setTagsVersion((n) => n + 1);
    setNotice(next);
  };

  const backLink = { label: t.back, href: props.backHref, go: back };
  if (!lead) {
    return (
      <main>
        <PageHeader
          back={backLink}
          title={
            missing ? (
              t.notFoundTitle
            ) : error ? (
              t.leadUnavailable
            ) : (
              <>
                <span class="skeleton skeleton-title" aria-hidden="true" />
                <span class="sr-only">{t.loading}</span>
              </>
            )
          }
        />
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <Skeleton label={t.loading} blocks={2} lines={4} />
        )}
      </main>
    );
  }
  const summaryIn = (l: Lang) => (l === 'fr' ? lead.aiSummaryFr : lead.aiSummaryEn);
  const summaryLang =
    chosenSummaryLang ?? (summaryIn(lang) || !summaryIn(otherLanguage(lang)) ? lang : otherLanguage(lang));
  const summary = summaryIn(summaryLang);
  const tone = (value: string) => t.toneNames[value] ?? value;
  const corrected = lead.timeline.some((item) => item.action === 'corrected');
  /** Only a reading the AI gave can be corrected (the API refuses a lead it has not triaged). */
  const correctable = Boolean(lead.intent && lead.urgency && lead.tone && lead.language);
  return (
    <main class="lead-page">
      <PageHeader
        back={backLink}
        title={
          <>
            {lead.name}
            {lead.isTest ? (
              <Badge tone="info" icon={FlaskConical}>
                {t.testBadge}
              </Badge>
            ) : null}
          </>
        }
        description={
          <span class="lead-badges">
            <UrgencyBadge urgency={lead.urgency} t={t} />
            <IntentBadge intent={lead.intent} lang={lang} />
            {lead.currentTag ? (
              <Badge tone="brand" icon={Tag}>
                <span data-testid="tag">{tagLabel(lead.currentTag, lang)}</span>
              </Badge>
            ) : null}
          </span>
        }
      />
      {lead.inSpam ? (
        <p class="notice-box">
          <Icon icon={ShieldAlert} /> {lead.spamReason ? t.setAside[lead.spamReason] : t.inSpamFolder}
        </p>
      ) : null}
      <div class="lead-columns">
        <div class="lead-main">
          <Card id="lead-message" icon={MessageSquareText} title={t.message}>
            <p class="contact">
              <a href={`mailto:${lead.email}`} class="with-icon">
                <Icon icon={Mail} />
                {lead.email}
              </a>
              {lead.phone ? (
                <a href={`tel:${lead.phone}`} class="with-icon">
                  <Icon icon={Phone} />
                  {lead.phone}
                </a>
              ) : null}
              <span class="with-icon muted">
                <Icon icon={CalendarClock} />
                <time dateTime={lead.createdAt}>{formatDate(lead.createdAt, lang)}</time>
              </span>
            </p>
            <p class="message">{lead.message}</p>
          </Card>
          <Card id="lead-reply" icon={Reply} title={t.sentReply}>
            {lead.reply ? (
              <article class="reply">
                <p class="reply-head">
                  <strong>{lead.reply.subject}</strong>
                  <small class="muted">
                    {t.replyStatus[lead.reply.status] ?? lead.reply.status}
                    {lead.reply.sentAt ? ` · ${formatDate(lead.reply.sentAt, lang)}` : ''}
                  </small>
                </p>
                <p class="message">{lead.reply.text}</p>
              </article>
            ) : (
              <p class="muted">{t.noReply}</p>
            )}
          </Card>
        </div>
        <div class="lead-side">
          <Card
            id="lead-reading"
            icon={Sparkles}
            title={t.aiReading}
            actions={
              <fieldset class="segmented">
                <legend class="sr-only">{t.summaryLanguage}</legend>
                {(['en', 'fr'] as const).map((l) => (
                  <button
                    key={l}
                    type="button"
                    lang={l}
                    aria-pressed={summaryLang === l}
                    onClick={() => setSummaryLang(l)}
                  >
                    {l === 'en' ? 'EN' : 'FR'}
                    <span class="sr-only">{l === 'en' ? ' English' : ' français'}</span>
                  </button>
                ))}
              </fieldset>
            }
          >
            <h3 class="sr-only">{t.summary}</h3>
            <p class="summary-text" lang={summaryLang} aria-live="polite">
              {summary ?? (lead.aiSummaryEn || lead.aiSummaryFr ? t.notTranslated : t.noSummary)}
            </p>
            {correcting ? (
              <CorrectionForm
                t={t}
                lang={lang}
                lead={lead}
                onCancel={closeCorrection}
                onSaved={async (next) => {
                  await done(next);
                  closeCorrection();
                }}
              />
            ) : (
              <>
                <dl class="facts">
                  <div>
                    <dt>{t.intent}</dt>
                    <dd>{lead.intent ? lead.intent[lang] : t.none}</dd>
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
                    <dt>{t.leadLanguage}</dt>
                    <dd>{lead.language ? LANGUAGE_NAMES[lead.language][lang] : t.none}</dd>
                  </div>
                  <div>
                    <dt>{t.confidence}</dt>
                    <dd>
                      {lead.confidence === null
                        ? t.none
                        : t.confidenceWords(formatPercent(lead.confidence, lang), confidenceLevel(lead.confidence))}
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
                <div class="reading-foot">
                  <p class="hint">
                    {lead.enrichmentEngine
                      ? t.enrichedBy(lead.enrichmentEngine)
                      : lead.isSpam
                        ? t.notTriaged
                        : t.awaitingTriage}
                    {corrected ? ` · ${t.correctedByYou}` : ''}
                  </p>
                  {correctable ? (
                    <Button
                      id="correct-reading"
                      variant="secondary"
                      small
                      icon={PencilLine}
                      onClick={() => setCorrecting(true)}
                    >
                      {t.correct}
                      <span class="sr-only">{t.correctWhat}</span>
                    </Button>
                  ) : null}
                </div>
              </>
            )}
          </Card>
          <Card id="lead-actions" icon={ListChecks} title={t.actions}>
            <LeadActions t={t} lang={lang} leads={[lead]} tags={tags} onDone={done} />
          </Card>
          <Notes t={t} lang={lang} leadId={lead.id} notes={lead.notes} onChange={(text) => done({ text })} />
          <Card id="lead-timeline" icon={History} title={t.timeline}>
            <Timeline t={t} lang={lang} items={lead.timeline} />
          </Card>
        </div>
      </div>
      <NoticeLine
        t={t}
        lang={lang}
        notice={notice}
        onDismiss={() => setNotice(null)}
        onUndone={async (undone) => {
          await reload();
          setNotice(undone);
        }}
      />
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
    <Card id="lead-notes" icon={StickyNote} title={t.notes}>
      {notes.length === 0 ? (
        <p class="muted">{t.noNotes}</p>
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
                      <Button variant="primary" type="submit" disabled={busy || !editing.text.trim()}>
                        {t.saveNote}
                      </Button>
                      <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                        {t.cancel}
                      </Button>
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
                    <Button
                      type="button"
                      variant="ghost"
                      small
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
                    </Button>
                  ) : null}
                  <Button
                    type="button"
                    variant="ghost"
                    small
                    disabled={busy}
                    onClick={() => setEditing({ id: note.id, text: note.note })}
                  >
                    {t.editNote}
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    small
                    class="danger-text"
                    disabled={busy}
                    onClick={() => remove(note.id)}
                  >
                    {t.deleteNote}
                  </Button>
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
        <Button variant="primary" type="submit" disabled={busy || !draft.trim()}>
          {t.addNote}
        </Button>
      </form>
      <p class="error" role="alert">
        {error}
      </p>
    </Card>
  );
}
