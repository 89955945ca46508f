// Who keeps the directory, as the session's capabilities say (the server's canEditPartnerDirectory
// answers it). The server decides every request; this only hides buttons that would be refused.
import type { Capabilities } from '../api/types';

export const canEditPartners = (c: Capabilities) => c.editPartnerDirectory;
