// Every table of the program in one place, for drizzle-kit (drizzle.config.ts and
// scripts/check-migrations.js read this file). Each context's tables stay its own.
export * from '../platform/auth/schema.js';
export * from '../platform/audit/schema.js';
export * from '../collect/schema.js';
export * from '../facts/schema.js';
export * from '../link/schema.js';
export * from '../score/schema.js';
export * from '../outreach/schema.js';
export * from '../cases/schema.js';
export * from '../cases/referrals/schema.js';
export * from '../cases/partners/schema.js';
export * from '../cases/subject-rights/schema.js';
export * from '../chat/schema.js';
export * from '../vault/schema.js';
