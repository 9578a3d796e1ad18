import type { IconNode } from 'lucide';
import type { ComponentChildren } from 'preact';
import { AppLink } from './app-link';
import { Icon } from './icon';

/** One figure, its label and a line of context; a link when it leads to what it counts. */
export function Stat(props: {
  label: string;
  value: ComponentChildren;
  note?: ComponentChildren;
  icon: IconNode;
  href?: string;
  go?: (href: string) => void;
  tone?: 'danger';
}) {
  const { href, go } = props;
  const body = (
    <>
      <span class="stat-label">
        <Icon icon={props.icon} />
        {props.label}
      </span>
      <span class="stat-value">{props.value}</span>
      {props.note ? <span class="stat-note">{props.note}</span> : null}
    </>
  );
  const className = props.tone ? `stat stat-${props.tone}` : 'stat';
  if (!href) return <div class={className}>{body}</div>;
  if (!go)
    return (
      <a class={className} href={href}>
        {body}
      </a>
    );
  return (
    <AppLink class={className} href={href} go={go}>
      {body}
    </AppLink>
  );
}
