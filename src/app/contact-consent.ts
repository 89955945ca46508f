// Outreach asks before every message whether a case rules out writing to the person (they withdrew
// consent to be contacted again, said no when asked, or it ran out). Outreach may not import
// cases, so the answer is wired here, from the cases context's index.
import { contactAgainBarOf } from '../cases/index.js';
import type { ContactConsentPort } from '../outreach/index.js';

export const caseContactConsent: ContactConsentPort = (db, person, at) =>
  contactAgainBarOf(db, person, at);
