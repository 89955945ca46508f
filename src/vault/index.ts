// Public face of the evidence vault context (victims' encrypted evidence, its hash chain and
// time-stamps, sharing only by the owner's choice): what the composition root wires.
export { registerVaultRoutes, VAULT_COOKIE, VAULT_CSP } from './routes.js';
export { registerRecipientRoutes } from './share-routes.js';
export { registerVaultWeb } from './web-routes.js';
export { vaultJobs, vaultTimestampJobRef } from './jobs.js';
export type { VaultDeps } from './deps.js';
export { eraseVault } from './access.js';
export { expireUploads, verifyVault } from './items.js';
// For the composition root: an erased case's traces in the vaults go in the erasure's commit.
export { forgetCase as forgetErasedCase } from './shares.js';
export { timestampHead, timestampPendingHeads } from './timestamps.js';
export { VAULT_ENCRYPTED_COLUMNS } from './schema.js';
