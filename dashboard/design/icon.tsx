import type { IconNode } from 'lucide';

/**
 * One icon of the set (lucide, imported by name so the bundle holds only those used). An
 * icon beside a word is decoration and hidden from screen readers; an icon alone needs a
 * `label`, which it then carries as its accessible name.
 */
export function Icon(props: { icon: IconNode; label?: string; class?: string }) {
  const { icon, label } = props;
  return (
    <svg
      class={props.class ? `icon ${props.class}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden={label ? undefined : 'true'}
      role={label ? 'img' : undefined}
      aria-label={label}
      focusable="false"
    >
      {icon.map(([tag, attrs], index) => {
        const Tag = tag as 'path';
        return <Tag key={index} {...(attrs as Record<string, string>)} />;
      })}
    </svg>
  );
}
