import { describe, expect, it } from 'vitest';
import { captureStatusMeaning } from './capture-status';

describe('captureStatusMeaning', () => {
  it('tells pages, redirects, gone answers and errors apart', () => {
    expect([200, 301, 404, 410, 403, 429, 500, 503].map(captureStatusMeaning)).toEqual([
      'page',
      'redirect',
      'gone',
      'gone',
      'clientError',
      'clientError',
      'serverError',
      'serverError',
    ]);
  });
});
