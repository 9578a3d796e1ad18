import { CircleCheck, X } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import { Button } from './button';
import { Icon } from './icon';

export interface ToastAction {
  label: string;
  /** Runs the action (an undo); its failure is the caller's to word, as `error`. */
  run: () => Promise<void>;
}

/** How long a toast with nothing to undo stays; one with an undo stays until it is dismissed or replaced. */
const TOAST_MS = 6000;

/**
 * What an action did, at the foot of the screen, announced politely to screen readers,
 * with its action (Undo) when it has one. The live region is always in the page, so the
 * first message is announced as well as the next.
 */
export function Toast(props: {
  text: string | null;
  /** What the toast is about: a new one (the same words again, say) restarts its timer. */
  stamp?: unknown;
  action?: ToastAction | undefined;
  error?: string;
  closeLabel: string;
  onDismiss: () => void;
}) {
  const { text, action, error } = props;
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!text || action) return;
    const timer = setTimeout(props.onDismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [text, action, props.stamp]);
  // The live region holds the words only, and stays in the page when idle (hidden but
  // present), so every message is announced, and the buttons are not read with it.
  return (
    <div class="toast-region">
      <div class={text ? 'toast' : 'toast toast-idle'}>
        <p class="toast-text" role="status" aria-live="polite">
          {text ? (
            <>
              <Icon icon={CircleCheck} />
              <span>{text}</span>
            </>
          ) : null}
        </p>
        {text ? (
          <>
            {error ? (
              <span class="toast-error" role="alert">
                {error}
              </span>
            ) : null}
            {action ? (
              <Button
                variant="ghost"
                small
                busy={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await action.run();
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {action.label}
              </Button>
            ) : null}
            <Button variant="ghost" small class="btn-icon" aria-label={props.closeLabel} onClick={props.onDismiss}>
              <Icon icon={X} />
            </Button>
          </>
        ) : null}
      </div>
    </div>
  );
}
