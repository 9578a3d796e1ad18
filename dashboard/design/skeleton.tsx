/**
 * The shape of a screen while its data loads, so the layout does not jump when it comes.
 * Screen readers hear the `label` ("Loading…") once, not the shapes.
 */
export function Skeleton(props: { label: string; lines?: number; blocks?: number }) {
  const lines = props.lines ?? 3;
  const blocks = props.blocks ?? 0;
  return (
    <div class="skeleton-group" role="status" aria-live="polite">
      <span class="sr-only">{props.label}</span>
      {Array.from({ length: blocks }, (_, index) => (
        <span key={`b${index}`} class="skeleton skeleton-block" aria-hidden="true" />
      ))}
      {Array.from({ length: lines }, (_, index) => (
        <span
          key={`l${index}`}
          class="skeleton"
          aria-hidden="true"
          style={{ width: `${index === lines - 1 ? 60 : 100 - index * 8}%` }}
        />
      ))}
    </div>
  );
}
