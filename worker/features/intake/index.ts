/**
 * The public intake the widget talks to: a lead stored in one round trip and answered 201
 * before any AI runs, the form's configuration, and the widget keys behind both.
 */
export { type CapturedLead, captureLead, type RequestContext } from './capture';
export { intakeRoutes } from './routes';
export type { LeadSubmission } from './submission';
export { resolveWidgetKey, WIDGET_KEY_CACHE_SECONDS, type WidgetClient } from './widget-keys';
