// A few line icons drawn here, so the console needs no icon font or third-party assets.
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Icon({ size = 18, children, ...rest }: IconProps) {
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
      {...rest}
    >
      {children}
    </svg>
  );
}

export const IconSources = (p: IconProps) => (
  <Icon {...p}>
    <ellipse cx="12" cy="6" rx="7" ry="3" />
    <path d="M5 6v6c0 1.7 3.1 3 7 3s7-1.3 7-3V6" />
    <path d="M5 12v6c0 1.7 3.1 3 7 3s7-1.3 7-3v-6" />
  </Icon>
);
export const IconAds = (p: IconProps) => (
  <Icon {...p}>
    <rect x="4" y="4" width="16" height="16" rx="2" />
    <path d="M8 9h8M8 13h8M8 17h5" />
  </Icon>
);
export const IconTriage = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 5h16l-6 7v6l-4 2v-8z" />
  </Icon>
);
export const IconInbox = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 13l2.5-8h11L20 13v6H4z" />
    <path d="M4 13h4.5l1 2h5l1-2H20" />
  </Icon>
);
export const IconCases = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 7h6l2 2h10v10H3z" />
  </Icon>
);
export const IconPartners = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="3" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M3 19c0-3 2.2-5 5-5s5 2 5 5M14 19c0-2.2 1.3-4 3-4s3 1.8 3 4" />
  </Icon>
);
export const IconVault = (p: IconProps) => (
  <Icon {...p}>
    <rect x="5" y="10" width="14" height="10" rx="2" />
    <path d="M8 10V7a4 4 0 0 1 8 0v3" />
    <path d="M12 14v2" />
  </Icon>
);
export const IconInsights = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
  </Icon>
);
export const IconAdmin = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z" />
  </Icon>
);
export const IconSignOut = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10" />
  </Icon>
);
export const IconDots = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="5" cy="12" r="1" />
    <circle cx="12" cy="12" r="1" />
    <circle cx="19" cy="12" r="1" />
  </Icon>
);
export const IconCopy = (p: IconProps) => (
  <Icon {...p}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" />
  </Icon>
);
export const IconCheck = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 12l5 5L20 7" />
  </Icon>
);

export const IconRules = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 6h10M4 12h7M4 18h10" />
    <circle cx="18" cy="9" r="2.5" />
    <path d="M19.8 10.8L22 13" />
  </Icon>
);
/** The audit log's icon: a list with a check. */
export const IconAudit = (p: IconProps) => (
  <Icon {...p}>
    <path d="M9 4h10v16H5V8z" />
    <path d="M9 4v4H5" />
    <path d="M8.5 13.5l2 2 4-4.5" />
  </Icon>
);

/** The Ariadne mark: a thread that leads out. */
export const Logo = ({ size = 28 }: { size?: number }) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" fill="var(--mantine-color-ariadne-8)" />
    <path
      d="M9 23c0-6 14-4 14-10 0-3-3-5-7-5"
      fill="none"
      stroke="#f4efe6"
      strokeWidth="2.6"
      strokeLinecap="round"
    />
    <circle cx="9" cy="23" r="2.4" fill="#e2b457" />
  </svg>
);
/** Message templates: a page of text with a placeholder in braces. */
export const IconTemplates = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 3h9l4 4v14H6z" />
    <path d="M9 10h7M9 14h3" />
    <path d="M14.5 13c-.8 0-1 .4-1 1v.5c0 .4-.3.5-.6.5.3 0 .6.1.6.5v.5c0 .6.2 1 1 1" />
  </Icon>
);
/** The chat line: two speech bubbles. */
export const IconChat = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 5h11v8H9l-3 3v-3H4z" />
    <path d="M15 9h5v8h-2v3l-3-3h-4v-2" />
  </Icon>
);
