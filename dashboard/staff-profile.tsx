import { Boxes, CalendarCheck, Cpu, RefreshCw, Save, UserRound } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import type { OperatorProfileInput, OperatorProfileView } from '../schema/prospects-api';
import { api, errorText } from './api';
import { Button, Card, Field, PageHeader, Skeleton, Stat, Toast } from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import { formatDate, type Lang, type Strings } from './i18n';
import { PATHS } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import { PROSPECTS_STRINGS } from './strings/prospects';

/**
 * The operator's profile (/app/staff/profile), internal accounts only: what Avenir sells
 * and to whom, in a few paragraphs. Each prospect's fit score is its site's closeness to
 * this text; saving embeds it again and rescores the pool, and the screen says what it
 * became (chunks, model, prospects rescored).
 */
export function StaffProfile(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const s = PROSPECTS_STRINGS[lang];
  const { view, error } = useStaffView<OperatorProfileView>('/staff/profile', t);
  const [saved, setSaved] = useState<OperatorProfileView | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    if (!view) return;
    setSaved(view);
    setText(view.text);
  }, [view]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!saved) return;
    if (text.trim() === saved.text.trim()) {
      setSaveError(s.prProfileUnchanged);
      return;
    }
    setBusy(true);
    setSaveError('');
    try {
      const body: OperatorProfileInput = { text };
      const fresh = await api<OperatorProfileView>('PUT', '/staff/profile', body);
      setSaved(fresh);
      setText(fresh.text);
      setToast(s.prProfileSaved);
    } catch (caught) {
      setSaveError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="staff staff-profile">
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-profile']}
        description={s.prProfileIntro}
        back={{
          label: PROSPECT_SCREEN_NAMES[lang]['staff-discovery'],
          href: PATHS['staff-discovery'],
          go: () => go(PATHS['staff-discovery']),
        }}
      />
      <ErrorLine text={error} />
      {saved ? (
        <>
          <Card id="pp-profile" icon={UserRound} title={s.prProfileLabel}>
            <form onSubmit={save} noValidate>
              <Field
                id="pp-text"
                label={s.prProfileLabel}
                help={
                  <>
                    {s.prProfileHelp} <span class="pr-chars">{s.prChars(count(text.length, lang))}</span>
                  </>
                }
                error={saveError || undefined}
              >
                {(control) => (
                  <textarea
                    {...control}
                    class="pr-profile-text"
                    rows={12}
                    value={text}
                    onInput={(e) => setText(e.currentTarget.value)}
                  />
                )}
              </Field>
              <div class="btn-row">
                <Button variant="primary" type="submit" icon={Save} busy={busy}>
                  {busy ? s.prSaving : s.prProfileSave}
                </Button>
              </div>
            </form>
          </Card>
          <section class="pr-became" aria-labelledby="pp-now-title">
            <h2 id="pp-now-title" class="pr-section-title">
              {s.prProfileNow}
            </h2>
            <div class="stats">
              <Stat icon={Boxes} label={s.prChunks} value={count(saved.chunks, lang)} />
              <Stat
                icon={Cpu}
                label={s.prModel}
                value={<code class="pr-model">{saved.embeddingModel ?? s.prNoModel}</code>}
              />
              <Stat
                icon={CalendarCheck}
                label={s.prUpdated}
                value={
                  saved.updatedAt ? (
                    <time class="pr-date-value" dateTime={saved.updatedAt}>
                      {formatDate(saved.updatedAt, lang)}
                    </time>
                  ) : (
                    s.prNotSaved
                  )
                }
              />
              <Stat
                icon={RefreshCw}
                label={s.prRescored}
                value={saved.rescored === null ? t.none : count(saved.rescored, lang)}
              />
            </div>
          </section>
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={1} lines={4} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}
