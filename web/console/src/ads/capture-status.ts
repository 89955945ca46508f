// What an HTTP status in an ad's captures means to an analyst reading its evidence: the page as it
// was, a redirect on the way to it, the answer that showed it gone, or an error from the site.
export type CaptureStatusMeaning = 'page' | 'redirect' | 'gone' | 'clientError' | 'serverError';

export function captureStatusMeaning(status: number): CaptureStatusMeaning {
  if (status >= 300 && status < 400) return 'redirect';
  // 404 and 410 are what the gone-ad re-check takes as "removed" (the server's own word for it).
  if (status === 404 || status === 410) return 'gone';
  if (status >= 400 && status < 500) return 'clientError';
  if (status >= 500) return 'serverError';
  return 'page';
}

export const CAPTURE_STATUS_COLOR: Record<CaptureStatusMeaning, string> = {
  page: 'teal',
  redirect: 'gray',
  gone: 'orange',
  clientError: 'orange',
  serverError: 'red',
};
