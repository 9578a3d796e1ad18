import type { IconNode } from 'lucide';
import type { ComponentChildren } from 'preact';
import { Icon } from './icon';

/**
 * What an empty place is for and what to do about it. Its title is an h2 under the
 * screen's h1; `headingLevel` 3 fits it inside a card, whose title is the h2.
 */
export function EmptyState(props: {
  id: string;
  icon: IconNode;
  title: string;
  headingLevel?: 2 | 3;
  children?: ComponentChildren;
  actions?: ComponentChildren;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="empty-state" aria-labelledby={`${props.id}-title`}>
      <Icon icon={props.icon} />
      <Heading id={`${props.id}-title`}>{props.title}</Heading>
      {props.children}
      {props.actions ? <div class="btn-row">{props.actions}</div> : null}
    </section>
  );
}
