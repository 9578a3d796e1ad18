import { CORRECTABLE_FIELDS, type FieldChange } from '../schema/learning-api';
import { INTENTS, intentNamed, LANGUAGE_NAMES, LEAD_TONE_NAMES, URGENCY_NAMES } from '../schema/vocabulary';
import type { ActionView } from './api';
import { formatDate, type Lang, type Strings } from './i18n';
import { tagLabel } from './lead-actions';
import './strings/leads';

/**
 * One value of a correctable field in the dashboard's language: an intent by its key (or
 * its stored English name), an urgency, a tone, a language; anything else as it came.
 */
export function fieldValueText(field: string, value: string | null, t: Strings, lang: Lang): string {
  if (value === null || value === '') return t.noValue;
  if (field === 'intent') {
    const intent = INTENTS.find((one) => one.key === value) ?? intentNamed(value);
    return intent ? intent[lang] : value;
  }
  const names: Record<string, Record<Lang, string>> | undefined =
    field === 'urgency'
      ? URGENCY_NAMES
      : field === 'tone'
        ? LEAD_TONE_NAMES
        : field === 'language'
          ? LANGUAGE_NAMES
          : undefined;
  return names?.[value]?.[lang] ?? value;
}

/** The changes a correction's metadata holds (`{changes: FieldChange[]}`), the malformed ones left out. */
export function correctionChanges(metadata: Record<string, unknown>): FieldChange[] {
  const changes = metadata.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (change): change is FieldChange =>
      typeof change === 'object' &&
      change !== null &&
      (CORRECTABLE_FIELDS as readonly unknown[]).includes((change as FieldChange).field) &&
      typeof (change as FieldChange).to === 'string' &&
      ((change as FieldChange).from === null || typeof (change as FieldChange).from === 'string'),
  );
}

/** "urgency Medium → High, intent Quote request → Complaint", in the dashboard's language. */
export const changesText = (changes: readonly FieldChange[], t: Strings, lang: Lang): string =>
  changes
    .map(
      (change) =>
        `${t.correctionFields[change.field] ?? change.field} ${fieldValueText(change.field, change.from, t, lang)} → ${fieldValueText(change.field, change.to, t, lang)}`,
    )
    .join(', ');

/** A label and its detail, ": " in English, "\u00a0: " in French. */
const colon = (lang: Lang) => (lang === 'fr' ? '\u00a0: ' : ': ');

/** One lead action in words: "Tagged: Converted (conversion)", "Triage corrected: urgency Medium → High"… */
export function actionText(item: ActionView, t: Strings, lang: Lang): string {
  const change = item.action === 'noted' ? t.noteChanges[String(item.metadata.change)] : undefined;
  const name = change ?? t.actionNames[item.action] ?? item.action;
  if (item.action === 'corrected') {
    const changes = correctionChanges(item.metadata ?? {});
    return changes.length > 0 ? `${name}${colon(lang)}${changesText(changes, t, lang)}` : name;
  }
  const tag = item.tag ? `${colon(lang)}${tagLabel(item.tag, lang)}` : '';
  const outcome =
    item.conversionOutcome === true
      ? ` (${t.converted})`
      : item.conversionOutcome === false
        ? ` (${t.unconverted})`
        : '';
  return `${name}${tag}${outcome}`;
}

/**
 * Who did it, as the client reads it: the product's own actors by name in the dashboard's
 * language (the form that received the lead, Avenir that answered it), people by email.
 */
export const actorText = (performedBy: string, t: Strings): string =>
  performedBy === 'widget' ? t.byWidget : performedBy === 'system' ? t.bySystem : performedBy;

/** A lead's actions, newest first (lead_actions). */
export function Timeline(props: { t: Strings; lang: Lang; items: ActionView[] }) {
  const { t, lang, items } = props;
  return (
    <ol class="timeline">
      {items.map((item) => (
        <li key={item.id} class={item.action === 'corrected' ? 'timeline-corrected' : undefined}>
          <time dateTime={item.at}>{formatDate(item.at, lang)}</time> — {actionText(item, t, lang)} ·{' '}
          {actorText(item.performedBy, t)}
          {item.reversionReason ? <p class="reason">{t.reasonLabel(item.reversionReason)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
