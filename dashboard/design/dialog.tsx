import { X } from 'lucide';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Button } from './button';
import { Icon } from './icon';

/**
 * A modal dialog: the browser's own (<dialog> shown modal), which keeps focus inside,
 * closes on Escape and gives focus back to what opened it. Named by its heading.
 */
export function Dialog(props: {
  id: string;
  open: boolean;
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; the keyboard's way is Escape, built into <dialog>.
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={`${props.id}-title`}
      onClose={props.onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself, outside its content.
        if (event.target === dialog.current) props.onClose();
      }}
    >
      <header>
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <Button variant="ghost" class="btn-icon" aria-label={props.closeLabel} onClick={props.onClose}>
          <Icon icon={X} />
        </Button>
      </header>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}
