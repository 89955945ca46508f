// What every outreach route module shares: the dependencies registerOutreachRoutes hands each of
// them, the error answers they declare and the id parameter most of them take.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { ErrorResponse } from '../platform/http/errors.js';
import type { Jobs } from '../platform/jobs.js';
import type { ContactSettings } from './domain/index.js';
import type { ContactConsentPort } from './sending/contact-consent.js';

export interface OutreachRouteDeps {
  db: Db;
  config: Config;
  jobs: Jobs;
  log: Logger;
  /** "Now" for the contact rules and for every time these routes record. */
  clock: Clock;
  /** Whether a case rules out writing to a person (src/app wires it to the cases context). */
  contactConsent: ContactConsentPort;
  /** The installation's contact rules, read once when the routes are registered. */
  settings: ContactSettings;
}

export const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const IdParams = z.object({ id: z.uuid() });
