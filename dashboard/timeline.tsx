import type { ActionView } from './api';
import { formatDate, type Lang, type Strings } from './i18n';
import { tagLabel } from './lead-actions';
import './strings/leads';

/** One lead action in words: "Tagged: Converted (conversion)", "Archived"… */
export function actionText(item: ActionView, t: Strings, lang: Lang): string {
  const change = item.action === 'noted' ? t.noteChanges[String(item.metadata.change)] : undefined;
  const name = change ?? t.actionNames[item.action] ?? item.action;
  const tag = item.tag ? `: ${tagLabel(item.tag, lang)}` : '';
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
        <li key={item.id}>
          <time dateTime={item.at}>{formatDate(item.at, lang)}</time> — {actionText(item, t, lang)} ·{' '}
          {actorText(item.performedBy, t)}
          {item.reversionReason ? <p class="reason">{t.reasonLabel(item.reversionReason)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
