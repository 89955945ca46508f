// Who reads the audit log, as the session's capabilities say (the server's canReadAuditLog in
// src/platform/auth/policy.ts answers it). The server decides; this only spares others a page.
import type { Capabilities } from '../api/types';

export const canReadAuditLog = (c: Capabilities) => c.readAuditLog;
