// Public face of the insights context (the programme's funnel, counted from every other context's
// records, and the suppressed exports for funders): what the composition root wires.
export { canReadInsights, registerInsightsRoutes } from './routes.js';
export { FUNNEL_STEPS, type FunnelStep } from './domain/funnel.js';
export { suppressTable, type PublishedCell } from './domain/suppression.js';
