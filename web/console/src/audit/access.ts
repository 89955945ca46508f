// Who reads the audit log, mirroring the server's canReadAuditLog (src/platform/auth/policy.ts):
// supervisors and admins. The server decides; this only spares others a page and a button.
import type { Role } from '../api/types';

export const canReadAuditLog = (role: Role) => role === 'admin' || role === 'supervisor';
