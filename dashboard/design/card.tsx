import type { IconNode } from 'lucide';
import type { ComponentChildren } from 'preact';
import { Icon } from './icon';

/**
 * A titled surface: a section of a screen, named by its heading for screen readers, and
 * reached by its `id` (a table of contents' `#st-embed`, another screen's link to it).
 * `actions` sit at the heading's end (a section's own Save, an Edit).
 */
export function Card(props: {
  id: string;
  title?: string;
  icon?: IconNode;
  description?: ComponentChildren;
  actions?: ComponentChildren;
  class?: string;
  children: ComponentChildren;
}) {
  const { id, title } = props;
  return (
    <section
      id={id}
      class={props.class ? `card ${props.class}` : 'card'}
      aria-labelledby={title ? `${id}-title` : undefined}
    >
      {title ? (
        <header>
          <div>
            <h2 id={`${id}-title`}>
              {props.icon ? <Icon icon={props.icon} /> : null}
              {title}
            </h2>
            {props.description ? <p>{props.description}</p> : null}
          </div>
          {props.actions}
        </header>
      ) : null}
      {props.children}
    </section>
  );
}
