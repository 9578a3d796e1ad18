import { CircleAlert } from 'lucide';
import type { ComponentChildren } from 'preact';
import { Icon } from './icon';

/** What a field's control spreads onto itself: its id and the ties to its help and error. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
}

/**
 * A labelled control with its help and its error, both tied to it by aria-describedby, the
 * error first so a screen reader says what is wrong before how to fill it. `check` lays a
 * checkbox before its label.
 */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  help?: ComponentChildren;
  error?: string | readonly string[] | undefined;
  check?: boolean;
  class?: string;
  children: (control: ControlProps) => ComponentChildren;
}) {
  const { id, help, check } = props;
  const errors = typeof props.error === 'string' ? [props.error] : (props.error ?? []);
  const invalid = errors.length > 0 && errors.some((error) => error !== '');
  const describedBy = [invalid ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const control = props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined });
  const label = <label for={id}>{props.label}</label>;
  return (
    <div class={`field${check ? ' field-check' : ''}${props.class ? ` ${props.class}` : ''}`}>
      {check ? (
        <>
          {control}
          <div>
            {label}
            {help ? (
              <p class="field-help" id={`${id}-help`}>
                {help}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <>
          {label}
          {control}
        </>
      )}
      {invalid ? (
        <p class="field-error" id={`${id}-error`}>
          <Icon icon={CircleAlert} />
          <span>{errors.join(' ')}</span>
        </p>
      ) : null}
      {help && !check ? (
        <p class="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
    </div>
  );
}
