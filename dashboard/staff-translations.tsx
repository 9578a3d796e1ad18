import { BookCheck, BookOpen, BookPlus, Languages, PencilLine, Search, ShieldCheck, ShieldOff } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import type {
  CachedTranslationView,
  DictionaryMatchView,
  TranslationReviewView,
  TranslationSort,
} from '../schema/translation-api';
import type { Language } from '../schema/vocabulary';
import { api, errorText } from './api';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  type Column,
  EmptyState,
  Field,
  Icon,
  PageHeader,
  Skeleton,
  Table,
  Toast,
} from './design';
import type { Lang, Strings } from './i18n';
import { count, ErrorLine, share, useStaffView } from './staff-common';
import { TRANSLATION_STRINGS, type TranslationStrings } from './strings/translations';

const API = '/staff/translations';
/** The search waits for a pause in typing before it asks the server. */
const SEARCH_PAUSE_MS = 300;

const qualityTone = (quality: number | null): BadgeTone =>
  quality === null ? 'neutral' : quality >= 0.85 ? 'success' : quality >= 0.6 ? 'warning' : 'danger';

/**
 * The staff's translation review (/app/staff/translations), internal accounts only: the
 * cached AI translations by use or weakest first, each corrected, verified or promoted to
 * the dictionary in place, and the dictionary looked up as the translation step does.
 */
export function StaffTranslations(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const s = TRANSLATION_STRINGS[lang];
  const [sort, setSort] = useState<TranslationSort>('use');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const pause = setTimeout(() => setQ(typed.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(pause);
  }, [typed]);
  const path = `${API}?sort=${sort}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  const { view, error, reload } = useStaffView<TranslationReviewView>(path, t);
  const [toast, setToast] = useState<string | null>(null);
  const done = async (message: string) => {
    await reload();
    setToast(message);
  };
  return (
    <main class="staff staff-translations">
      <PageHeader
        title={t['staff-translations']}
        description={s.intro}
        actions={
          view ? (
            <p class="tr-stat">
              <Icon icon={BookOpen} />
              {s.dictionaryStat(count(view.dictionary.entries, lang), count(view.dictionary.verified, lang))}
            </p>
          ) : null
        }
      />
      <ErrorLine text={error} />
      <Card id="tr-cache" icon={Languages} title={s.cacheTitle} description={s.cacheHelp}>
        <div class="toolbar">
          <fieldset class="segmented">
            <legend class="sr-only">{s.sortLabel}</legend>
            {(['use', 'quality'] as const).map((choice) => (
              <button key={choice} type="button" aria-pressed={sort === choice} onClick={() => setSort(choice)}>
                {choice === 'use' ? s.byUse : s.byQuality}
              </button>
            ))}
          </fieldset>
          <div class="search-box">
            <Icon icon={Search} />
            <label for="tr-q" class="sr-only">
              {s.search}
            </label>
            <input
              id="tr-q"
              type="search"
              maxLength={200}
              placeholder={s.search}
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          </div>
        </div>
        {view ? (
          view.total === 0 && !q ? (
            <EmptyState id="tr-empty" icon={Languages} title={s.empty}>
              <p>{s.emptyHelp}</p>
            </EmptyState>
          ) : (
            <>
              <p class="muted" aria-live="polite">
                {s.showing(count(view.translations.length, lang), count(view.total, lang))}
              </p>
              {view.translations.length === 0 ? (
                <p class="muted">{s.noMatch}</p>
              ) : (
                <ol class="tr-list" aria-label={s.caption}>
                  {view.translations.map((entry) => (
                    <CachedTranslation key={entry.id} t={t} s={s} lang={lang} entry={entry} onDone={done} />
                  ))}
                </ol>
              )}
            </>
          )
        ) : error ? null : (
          <Skeleton label={t.loading} blocks={3} />
        )}
      </Card>
      <DictionaryLookup t={t} s={s} lang={lang} />
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

const code = (language: Language) => language.toUpperCase();

function CachedTranslation(props: {
  t: Strings;
  s: TranslationStrings;
  lang: Lang;
  entry: CachedTranslationView;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, s, lang, entry } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(entry.translatedText);
  const [invalid, setInvalid] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'verify' | 'correct' | 'promote' | null>(null);
  const fieldId = `tr-fix-${entry.id}`;
  const act = async (what: 'verify' | 'correct' | 'promote', call: () => Promise<unknown>, message: string) => {
    setError('');
    setBusy(what);
    try {
      await call();
      setEditing(false);
      await props.onDone(message);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };
  const save = (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) {
      setInvalid(s.emptyCorrection);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setInvalid('');
    return act('correct', () => api('PATCH', `${API}/${entry.id}`, { translatedText: text }), s.corrected);
  };
  const toggleVerified = () =>
    act(
      'verify',
      () =>
        api(
          'PATCH',
          `${API}/${entry.id}`,
          // A person's yes to an unscored translation is the score it lacked.
          entry.verified
            ? { verified: false }
            : { verified: true, ...(entry.qualityScore === null ? { qualityScore: 1 } : {}) },
        ),
      entry.verified ? s.unverified : s.verified,
    );
  const promote = () => act('promote', () => api('POST', `${API}/${entry.id}/promote`), s.promoted(entry.sourceText));
  return (
    <li class="tr-item">
      <div class="tr-badges">
        <Badge tone="brand">{s.direction(code(entry.sourceLanguage), code(entry.targetLanguage))}</Badge>
        <Badge>{s.contexts[entry.contextType]}</Badge>
        <Badge tone={qualityTone(entry.qualityScore)}>
          {entry.qualityScore === null ? s.notScored : s.qualityOf(share(entry.qualityScore, lang, t))}
        </Badge>
        {entry.verified ? (
          <Badge tone="success">
            <Icon icon={ShieldCheck} />
            {s.verifiedBadge}
          </Badge>
        ) : null}
        {entry.inDictionary ? (
          <Badge tone="info">
            <Icon icon={BookCheck} />
            {s.inDictionary}
          </Badge>
        ) : null}
        <span class="muted tr-uses">{s.uses(entry.useCount, count(entry.useCount, lang))}</span>
      </div>
      <div class="tr-texts">
        <div>
          <h3 class="tr-label">
            {s.original} ({s.languages[entry.sourceLanguage]})
          </h3>
          <p lang={entry.sourceLanguage}>{entry.sourceText}</p>
        </div>
        {editing ? (
          <form onSubmit={save} noValidate>
            <Field
              id={fieldId}
              label={s.correctionLabel(s.languages[entry.targetLanguage])}
              help={s.correctionHelp}
              error={invalid}
            >
              {(c) => (
                <textarea
                  {...c}
                  lang={entry.targetLanguage}
                  rows={3}
                  maxLength={2_000}
                  value={draft}
                  onInput={(e) => setDraft(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="btn-row">
              <Button variant="primary" type="submit" busy={busy === 'correct'}>
                {s.save}
              </Button>
              <Button
                variant="ghost"
                onClick={() => {
                  setEditing(false);
                  setDraft(entry.translatedText);
                  setInvalid('');
                }}
              >
                {s.cancel}
              </Button>
            </div>
          </form>
        ) : (
          <div>
            <h3 class="tr-label">
              {s.translation} ({s.languages[entry.targetLanguage]})
            </h3>
            <p lang={entry.targetLanguage}>{entry.translatedText}</p>
          </div>
        )}
      </div>
      <ErrorLine text={error} />
      {editing ? null : (
        <div class="btn-row">
          <Button icon={PencilLine} onClick={() => setEditing(true)}>
            {s.correct}
          </Button>
          <Button icon={entry.verified ? ShieldOff : ShieldCheck} busy={busy === 'verify'} onClick={toggleVerified}>
            {entry.verified ? s.unverify : s.verify}
          </Button>
          {entry.promotable ? (
            <Button icon={BookPlus} busy={busy === 'promote'} onClick={promote}>
              {entry.inDictionary ? s.promoteAgain : s.promote}
            </Button>
          ) : null}
        </div>
      )}
    </li>
  );
}

function DictionaryLookup(props: { t: Strings; s: TranslationStrings; lang: Lang }) {
  const { t, s, lang } = props;
  const [term, setTerm] = useState('');
  const [from, setFrom] = useState<Language>('fr');
  const [result, setResult] = useState<{ term: string; from: Language; matches: DictionaryMatchView[] } | null>(null);
  const [invalid, setInvalid] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const lookUp = async (event: Event) => {
    event.preventDefault();
    const asked = term.trim();
    if (!asked) {
      setInvalid(s.emptyTerm);
      document.getElementById('tr-term')?.focus();
      return;
    }
    setInvalid('');
    setError('');
    setBusy(true);
    try {
      const answer = await api<{ matches: DictionaryMatchView[] }>(
        'GET',
        `/staff/dictionary?term=${encodeURIComponent(asked)}&from=${from}`,
      );
      setResult({ term: asked, from, matches: answer.matches });
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<DictionaryMatchView>[] = [
    { key: 'entry', header: s.entry, cell: (row) => <strong lang={result?.from}>{row.sourceText}</strong> },
    {
      key: 'translation',
      header: s.translation,
      cell: (row) => <span lang={result?.from === 'en' ? 'fr' : 'en'}>{row.translatedText}</span>,
    },
    { key: 'context', header: s.context, cell: (row) => row.context ?? t.none },
    { key: 'category', header: s.category, cell: (row) => (row.category ? <Badge>{row.category}</Badge> : t.none) },
    {
      key: 'similarity',
      header: s.similarity,
      cell: (row) =>
        row.similarity >= 1 ? (
          <Badge tone="success">{s.exact}</Badge>
        ) : (
          <Badge tone={row.similarity >= 0.7 ? 'info' : 'warning'}>{share(row.similarity, lang, t)}</Badge>
        ),
    },
  ];
  return (
    <Card id="tr-dictionary" icon={BookOpen} title={s.dictionaryTitle} description={s.dictionaryHelp}>
      <form class="tr-lookup" onSubmit={lookUp} noValidate>
        <Field id="tr-term" label={s.term} error={invalid}>
          {(c) => (
            <input
              {...c}
              type="search"
              maxLength={100}
              autoComplete="off"
              spellcheck={false}
              value={term}
              onInput={(e) => setTerm(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="tr-from">
          <span aria-hidden="true">{s.from}</span>
          <fieldset class="segmented">
            <legend class="sr-only">{s.from}</legend>
            {(['fr', 'en'] as const).map((choice) => (
              <button key={choice} type="button" aria-pressed={from === choice} onClick={() => setFrom(choice)}>
                {s.languageChoices[choice]}
              </button>
            ))}
          </fieldset>
        </div>
        <Button variant="primary" type="submit" icon={Search} busy={busy}>
          {busy ? s.lookingUp : s.lookUp}
        </Button>
      </form>
      <ErrorLine text={error} />
      {result ? (
        result.matches.length === 0 ? (
          <p class="muted" aria-live="polite">
            {s.noEntry(result.term)}
          </p>
        ) : (
          <Table
            caption={s.matchesCaption(result.term)}
            columns={columns}
            rows={result.matches}
            rowKey={(row) => row.id}
          />
        )
      ) : null}
    </Card>
  );
}
