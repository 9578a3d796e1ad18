import type { ComponentChildren } from 'preact';

/** Whether a click asks the browser itself to handle the link: a new tab or window, a download. */
export const opensElsewhere = (event: MouseEvent) =>
  event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

/**
 * A link to another screen of the dashboard: a real link (its address can be copied, opened
 * in a new tab with a modifier key or the middle button), that changes screens in place
 * otherwise, through `go`.
 */
export function AppLink(props: {
  href: string;
  go: (href: string) => void;
  class?: string;
  'aria-current'?: 'page' | undefined;
  onFocus?: () => void;
  children: ComponentChildren;
}) {
  const { go, href } = props;
  return (
    <a
      href={href}
      class={props.class}
      aria-current={props['aria-current']}
      onFocus={props.onFocus}
      onClick={(event) => {
        if (opensElsewhere(event)) return;
        event.preventDefault();
        go(href);
      }}
    >
      {props.children}
    </a>
  );
}
