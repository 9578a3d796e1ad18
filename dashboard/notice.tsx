import { useState } from 'preact/hooks';
import type { Lang, Strings } from './i18n';
import { applyAction, type Notice } from './lead-actions';
import { errorText } from './sign-in';

/**
 * The line that says what an action did, announced to screen readers, with an Undo
 * button when the action can be taken back. `onUndone` gets the notice that replaces it.
 */
export function NoticeLine(props: {
  t: Strings;
  lang: Lang;
  notice: Notice | null;
  onUndone: (notice: Notice) => void;
}) {
  const { t, lang, notice } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const undo = async () => {
    if (!notice?.undo) return;
    const { ids, request, done } = notice.undo;
    setBusy(true);
    setError('');
    try {
      props.onUndone({ text: done(await applyAction(ids, request, lang)) });
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p role="status" aria-live="polite" class="status">
        {notice?.text}
        {notice?.undo ? (
          <>
            {' '}
            <button type="button" class="link" disabled={busy} onClick={undo}>
              {t.undo}
            </button>
          </>
        ) : null}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
