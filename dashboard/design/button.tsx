import type { IconNode } from 'lucide';
import type { ComponentChildren, ComponentProps } from 'preact';
import { Icon } from './icon';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

type ButtonProps = Omit<ComponentProps<'button'>, 'icon' | 'class'> & {
  variant?: ButtonVariant;
  icon?: IconNode;
  small?: boolean;
  /** Working: the button is disabled and shows a spinner; `children` should say what is happening. */
  busy?: boolean;
  class?: string;
  children?: ComponentChildren;
};

/** The class list of a button's look, for a link that must look like one (a download). */
export const buttonClass = (variant: ButtonVariant = 'secondary', small = false, extra = '') =>
  `btn btn-${variant}${small ? ' btn-small' : ''}${extra ? ` ${extra}` : ''}`;

/** A button in one of four variants; `type="button"` unless told otherwise, so no form submits by accident. */
export function Button(props: ButtonProps) {
  const { variant = 'secondary', icon, small = false, busy = false, children, disabled, type, ...rest } = props;
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      class={buttonClass(variant, small, props.class)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span class="spinner" aria-hidden="true" /> : icon ? <Icon icon={icon} /> : null}
      {children}
    </button>
  );
}
