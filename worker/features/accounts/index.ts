/**
 * Dashboard accounts: client accounts and their creation, passwords and their reset by
 * mail, sign-in sessions and their throttle, the session wall every dashboard route stands
 * behind, and the retention of sign-in records.
 */

export {
  allowedOrigin,
  allowedOrigins,
  bookingLink,
  businessName,
  clientLanguage,
  emailTone,
  MAX_ALLOWED_ORIGINS,
} from './client-fields';
export { clientSettings } from './client-settings';
export { type CreatedClient, createClient, type NewClientFields, parseNewClient } from './clients';
export { dashboardGuard } from './dashboard-guard';
export { hashPassword, verifyPassword } from './password';
export { authRetention, pruneAuthRecords } from './retention';
export { accountRoutes, requestOrigin } from './routes';
export { requireInternal, requireSession } from './session-wall';
