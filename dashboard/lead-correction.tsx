import { ShieldAlert, ShieldCheck } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CORRECTABLE_FIELDS,
  type CorrectableField,
  type CorrectionRequest,
  type CorrectionView,
  type FieldChange,
} from '../schema/learning-api';
import { INTENTS, LANGUAGE_NAMES, LANGUAGES, LEAD_TONE_NAMES, LEAD_TONES, URGENCIES } from '../schema/vocabulary';
import { ApiError, api, errorText, type LeadDetail } from './api';
import { Button, Field } from './design';
import type { Lang, Strings } from './i18n';
import { applyAction, type Notice } from './lead-actions';
import { changesText } from './timeline';
import './strings/leads';

/** The four correctable values as the form holds them: '' where the AI gave none. */
export type CorrectionDraft = Record<CorrectableField, string>;

/** What the lead's reading says now, as the form starts from. */
export const currentReading = (
  lead: Pick<LeadDetail, 'intent' | 'urgency' | 'tone' | 'language'>,
): CorrectionDraft => ({
  intent: lead.intent?.key ?? '',
  urgency: lead.urgency ?? '',
  tone: lead.tone ?? '',
  language: lead.language ?? '',
});

/** The fields the client changed, from what to what, in the form's order; an empty choice is no change. */
export const draftChanges = (current: CorrectionDraft, draft: CorrectionDraft): FieldChange[] =>
  CORRECTABLE_FIELDS.filter((field) => draft[field] !== '' && draft[field] !== current[field]).map((field) => ({
    field,
    from: current[field] || null,
    to: draft[field],
  }));

/** The body of POST /api/app/leads/:id/correction: only the fields the client changed (none: nothing to send). */
export const correctionRequest = (current: CorrectionDraft, draft: CorrectionDraft): CorrectionRequest =>
  Object.fromEntries(draftChanges(current, draft).map((change) => [change.field, change.to])) as CorrectionRequest;

/** Each field's choices, in the vocabulary's order, named in the dashboard's language. */
const choices = (field: CorrectableField, t: Strings, lang: Lang): { value: string; label: string }[] => {
  switch (field) {
    case 'intent':
      return INTENTS.map((intent) => ({ value: intent.key, label: intent[lang] }));
    case 'urgency':
      return URGENCIES.map((urgency) => ({ value: urgency, label: t[urgency] }));
    case 'tone':
      return LEAD_TONES.map((tone) => ({ value: tone, label: LEAD_TONE_NAMES[tone][lang] }));
    case 'language':
      return LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language][lang] }));
  }
};

const labelOf = (field: CorrectableField, t: Strings) =>
  field === 'intent' ? t.intent : field === 'urgency' ? t.urgency : field === 'tone' ? t.tone : t.leadLanguage;

/**
 * The AI's reading made editable: intent, urgency, tone and language, each a select set to
 * the lead's value, Save only once something differs, Cancel (or Escape) to leave as it
 * was; and the spam verdict, the other call a client makes on the AI's reading, as one
 * button. Sends only the changed fields; a 422 is said by the field it is about, any other
 * failure in the API's words. `onSaved` gets what to announce once the lead is reloaded.
 */
export function CorrectionForm(props: {
  t: Strings;
  lang: Lang;
  lead: LeadDetail;
  onCancel: () => void;
  onSaved: (notice: Notice) => Promise<void>;
}) {
  const { t, lang, lead, onCancel, onSaved } = props;
  const current = currentReading(lead);
  const [draft, setDraft] = useState<CorrectionDraft>(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const form = useRef<HTMLFormElement>(null);

  // Opened: the first choice takes the focus, so the keyboard is where the work is.
  useEffect(() => {
    form.current?.querySelector('select')?.focus();
  }, []);

  const changes = draftChanges(current, draft);
  const failed = (caught: unknown) => {
    const fields = caught instanceof ApiError ? caught.fields : {};
    const ours = CORRECTABLE_FIELDS.filter((field) => (fields[field]?.length ?? 0) > 0);
    setFieldErrors(fields);
    // A field's message sits under its select (and is read with it as it takes the focus); anything else, here.
    setError(ours.length > 0 ? '' : errorText(caught, t));
    const target = ours.length > 0 ? `#correct-${ours[0]}` : 'button[type="submit"]';
    // After the busy button gave the focus up: back to what needs the person next.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(target)?.focus());
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (changes.length === 0 || busy) return;
    setBusy(true);
    setError('');
    setFieldErrors({});
    try {
      const view = await api<CorrectionView>('POST', `/leads/${lead.id}/correction`, correctionRequest(current, draft));
      const saved = view?.changes ?? [];
      await onSaved({
        text: saved.length > 0 ? t.correctionSaved(changesText(saved, t, lang)) : t.correctionUnchanged,
      });
    } catch (caught) {
      failed(caught);
      setBusy(false);
    }
  };

  const verdict = async (action: 'spam' | 'not_spam') => {
    setBusy(true);
    setError('');
    setFieldErrors({});
    try {
      const count = await applyAction([lead.id], { action }, lang);
      await onSaved({ text: action === 'spam' ? t.movedToSpam(count) : t.movedToLeads(count) });
    } catch (caught) {
      failed(caught);
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      class="correction"
      aria-labelledby="correction-title"
      aria-describedby="correction-help"
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id="correction-title">{t.correctionTitle}</h3>
      <p id="correction-help" class="hint">
        {t.correctionHelp}
      </p>
      <div class="correction-fields">
        {CORRECTABLE_FIELDS.map((field) => (
          <Field
            key={field}
            id={`correct-${field}`}
            label={labelOf(field, t)}
            error={fieldErrors[field]}
            class={`correction-${field}`}
          >
            {(control) => (
              <select
                {...control}
                value={draft[field]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDraft((old) => ({ ...old, [field]: value }));
                }}
              >
                {current[field] === '' ? (
                  <option value="" disabled>
                    {t.correctionChoose}
                  </option>
                ) : null}
                {choices(field, t, lang).map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <p id="correction-pending" class={changes.length > 0 ? 'correction-pending' : 'correction-pending muted'}>
        {changes.length > 0 ? t.correctionPending(changesText(changes, t, lang)) : t.correctionNoChange}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
      <div class="actions">
        <Button
          variant="primary"
          type="submit"
          busy={busy}
          disabled={changes.length === 0}
          aria-describedby="correction-pending"
        >
          {busy ? t.correctionSaving : t.correctionSave}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
      {lead.deleted ? null : (
        <p class="correction-spam">
          <span>{lead.inSpam ? t.correctionNotSpamQuestion : t.correctionSpamQuestion}</span>
          <Button
            type="button"
            variant="secondary"
            small
            icon={lead.inSpam ? ShieldCheck : ShieldAlert}
            disabled={busy}
            onClick={() => verdict(lead.inSpam ? 'not_spam' : 'spam')}
          >
            {lead.inSpam ? t.notSpam : t.markSpam}
          </Button>
        </p>
      )}
    </form>
  );
}
