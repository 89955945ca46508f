// The audit log's icon: a list with a check, drawn here like the console's other line icons.
export function IconAudit({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M9 4h10v16H5V8z" />
      <path d="M9 4v4H5" />
      <path d="M8.5 13.5l2 2 4-4.5" />
    </svg>
  );
}
