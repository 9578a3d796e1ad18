import type { IconNode } from 'lucide';
import type { ComponentChildren } from 'preact';
import { Icon } from './icon';

export type BadgeTone = 'neutral' | 'brand' | 'danger' | 'warning' | 'success' | 'info';

/** A word of status. Its colour repeats what the word (and the icon, when there is one) says. */
export function Badge(props: { tone?: BadgeTone; icon?: IconNode; children: ComponentChildren; class?: string }) {
  const tone = props.tone ?? 'neutral';
  return (
    <span class={`badge${tone === 'neutral' ? '' : ` badge-${tone}`}${props.class ? ` ${props.class}` : ''}`}>
      {props.icon ? <Icon icon={props.icon} /> : null}
      {props.children}
    </span>
  );
}
