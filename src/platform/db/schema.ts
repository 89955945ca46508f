// Every context's tables in one place, for Drizzle's typed queries and drizzle-kit migrations.
export * from '../auth/schema.js';
export * from '../audit/schema.js';
export * from '../../collect/schema.js';
export * from '../../facts/schema.js';
export * from '../../link/schema.js';
export * from '../../score/schema.js';
export * from '../../outreach/schema.js';
