import { useEffect, useState } from 'preact/hooks';
import { CONVERTED_TAG, HOT_LEAD_TAG } from '../schema/vocabulary';
import { api, errorText, type Lead, type TagCount } from './api';
import { Button } from './design';
import { formatNumber, type Lang, type Strings } from './i18n';
import './strings/leads';

const NEW_TAG = '\u0000new';

/** The built-in tags read in the dashboard's language; a client's own tags as written. */
export const tagLabel = (tag: string, lang: Lang) =>
  lang === 'fr' ? ({ [CONVERTED_TAG]: 'Converti', [HOT_LEAD_TAG]: 'Client chaud' }[tag] ?? tag) : tag;

/** The client's tags, built-in first (GET /api/app/tags); refreshed when `version` changes. */
export function useTags(version = 0): TagCount[] {
  const [tags, setTags] = useState<TagCount[]>([]);
  useEffect(() => {
    api<{ tags: TagCount[] }>('GET', '/tags')
      .then((answer) => setTags(answer.tags))
      .catch(() => setTags([]));
  }, [version]);
  return tags;
}

export type ActionRequest =
  | { action: 'tag'; tag: string; reversionReason?: string }
  | { action: 'archive' | 'delete' | 'restore' | 'reactivate' | 'spam' | 'not_spam' };

/** What an action says once done, and the request that takes it back when it has one (a delete). */
export interface Notice {
  text: string;
  undo?: { ids: string[]; request: ActionRequest; done: (n: string) => string };
}

/** Sends one action for a selection; answers how many leads changed, as the dashboard writes numbers. */
export const applyAction = (ids: string[], request: ActionRequest, lang: Lang) =>
  api<{ updated: number }>('POST', '/leads/actions', { ids, ...request }).then(({ updated }) =>
    formatNumber(updated, lang),
  );

/**
 * What can be done to one lead or a selection: tag (built-in or own), archive, delete
 * (with an undo), reactivate, and spam or not spam either way. One POST
 * /api/app/leads/actions for the whole selection. Taking Converted off a lead asks for the
 * reason first, as the learning loop needs it.
 */
export function LeadActions(props: {
  t: Strings;
  lang: Lang;
  leads: Lead[];
  tags: TagCount[];
  onDone: (notice: Notice) => void;
}) {
  const { t, lang, leads, tags, onDone } = props;
  const [tag, setTag] = useState(HOT_LEAD_TAG);
  const [newTag, setNewTag] = useState('');
  const [reverting, setReverting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const ids = leads.map((lead) => lead.id);
  const anyConverted = leads.some((lead) => lead.currentTag === CONVERTED_TAG);
  const allConverted = leads.length > 0 && leads.every((lead) => lead.currentTag === CONVERTED_TAG);
  const anyLive = leads.some((lead) => !lead.archived && !lead.deleted);
  const anyNotDeleted = leads.some((lead) => !lead.deleted);
  const anyHidden = leads.some((lead) => lead.archived || lead.deleted);
  const anyInSpam = leads.some((lead) => lead.inSpam && !lead.deleted);
  const anyOutOfSpam = leads.some((lead) => !lead.inSpam && !lead.deleted);
  const chosenTag = tag === NEW_TAG ? newTag.trim() : tag;

  /** What each action says it did; a delete can be undone from its notice. */
  const noticeOf = (request: ActionRequest, count: string): Notice => {
    if (request.action === 'delete') {
      return { text: t.deletedCount(count), undo: { ids, request: { action: 'restore' }, done: t.restoredCount } };
    }
    if (request.action === 'spam') return { text: t.movedToSpam(count) };
    if (request.action === 'not_spam') return { text: t.movedToLeads(count) };
    return { text: t.updated(count) };
  };

  const send = async (request: ActionRequest) => {
    setBusy(true);
    setError('');
    try {
      const count = await applyAction(ids, request, lang);
      setReverting(null);
      setReason('');
      setNewTag('');
      onDone(noticeOf(request, count));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  /** A tag other than Converted on a converted lead takes the conversion back: ask why first. */
  const applyTag = (name: string) => {
    if (!name) return;
    if (name !== CONVERTED_TAG && anyConverted) setReverting(name);
    else send({ action: 'tag', tag: name });
  };

  if (reverting !== null) {
    return (
      <form
        class="reversion"
        onSubmit={(event) => {
          event.preventDefault();
          send({ action: 'tag', tag: reverting, reversionReason: reason });
        }}
      >
        <h3 id="reversion-title">{t.reversionTitle}</h3>
        <p>{t.reversionHelp}</p>
        <label for="reversion-reason">{t.reversionReason}</label>
        <textarea
          id="reversion-reason"
          rows={2}
          required
          maxLength={1000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <label for="reversion-tag">{t.reversionTag}</label>
        <select id="reversion-tag" value={reverting} onChange={(e) => setReverting(e.currentTarget.value)}>
          {[...new Set([reverting, ...tags.map((option) => option.tag)])]
            .filter((name) => name !== CONVERTED_TAG)
            .map((name) => (
              <option key={name} value={name}>
                {tagLabel(name, lang)}
              </option>
            ))}
        </select>
        <p class="error" role="alert">
          {error}
        </p>
        <div class="actions">
          <Button variant="primary" type="submit" disabled={busy || !reason.trim()}>
            {t.confirm}
          </Button>
          <Button type="button" variant="secondary" disabled={busy} onClick={() => setReverting(null)}>
            {t.cancel}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div class="lead-actions">
      <div class="actions">
        {allConverted ? (
          <Button variant="secondary" type="button" disabled={busy} onClick={() => applyTag(HOT_LEAD_TAG)}>
            {t.notConverted}
          </Button>
        ) : (
          <Button variant="secondary" type="button" disabled={busy} onClick={() => applyTag(CONVERTED_TAG)}>
            {t.markConverted}
          </Button>
        )}
        {anyLive ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send({ action: 'archive' })}>
            {t.archive}
          </Button>
        ) : null}
        {anyHidden ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send({ action: 'reactivate' })}>
            {t.reactivate}
          </Button>
        ) : null}
        {anyOutOfSpam ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send({ action: 'spam' })}>
            {t.markSpam}
          </Button>
        ) : null}
        {anyInSpam ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send({ action: 'not_spam' })}>
            {t.notSpam}
          </Button>
        ) : null}
        {anyNotDeleted ? (
          <Button type="button" variant="danger" disabled={busy} onClick={() => send({ action: 'delete' })}>
            {t.delete}
          </Button>
        ) : null}
      </div>
      <form
        class="tag-form"
        onSubmit={(event) => {
          event.preventDefault();
          applyTag(chosenTag);
        }}
      >
        <div>
          <label for="tag-to-apply">{t.tagToApply}</label>
          <select id="tag-to-apply" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            {tags.map((option) => (
              <option key={option.tag} value={option.tag}>
                {tagLabel(option.tag, lang)}
              </option>
            ))}
            <option value={NEW_TAG}>{t.newTag}</option>
          </select>
        </div>
        {tag === NEW_TAG ? (
          <div>
            <label for="new-tag">{t.newTagName}</label>
            <input id="new-tag" maxLength={40} value={newTag} onInput={(e) => setNewTag(e.currentTarget.value)} />
          </div>
        ) : null}
        <Button type="submit" variant="secondary" disabled={busy || !chosenTag}>
          {t.applyTag}
        </Button>
      </form>
      <p class="error" role="alert">
        {error}
      </p>
    </div>
  );
}
