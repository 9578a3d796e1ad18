import { useState } from 'preact/hooks';
import { errorText } from './api';
import { Toast } from './design';
import type { Lang, Strings } from './i18n';
import { applyAction, type Notice } from './lead-actions';
import './strings/leads';

/**
 * What an action did, as a toast announced to screen readers, with Undo when the action
 * can be taken back. `onUndone` gets the notice that replaces it; `onDismiss` clears it.
 */
export function NoticeLine(props: {
  t: Strings;
  lang: Lang;
  notice: Notice | null;
  onUndone: (notice: Notice) => void;
  onDismiss: () => void;
}) {
  const { t, lang, notice } = props;
  const [error, setError] = useState('');
  const undo = notice?.undo;
  return (
    <Toast
      text={notice?.text ?? null}
      stamp={notice}
      error={error}
      closeLabel={t.close}
      onDismiss={() => {
        setError('');
        props.onDismiss();
      }}
      action={
        undo
          ? {
              label: t.undo,
              run: async () => {
                setError('');
                try {
                  props.onUndone({ text: undo.done(await applyAction(undo.ids, undo.request, lang)) });
                } catch (caught) {
                  setError(errorText(caught, t));
                }
              },
            }
          : undefined
      }
    />
  );
}
