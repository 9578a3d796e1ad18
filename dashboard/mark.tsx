/** The Avenir mark: the "A" on a rounded square of the favicon (dashboard/public/favicon.svg). */
export function Mark(props: { size?: number }) {
  const size = props.size ?? 28;
  return (
    <svg class="mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f5c5c" />
      <path
        d="M9 25 16 7l7 18M11.6 19h8.8"
        fill="none"
        stroke="#fff"
        stroke-width="3.2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
