/**
 * Outreach, the growth machine's last step: templates, campaigns whose emails a person
 * approves, a scheduler that sends within safe limits, tracking that tells people from
 * machines, replies and bounces through the inbound handler, one-click unsubscribe, the
 * identification Canada's anti-spam law requires, and the figures by campaign and industry.
 */

export { outreachGmailSync, outreachGmailSyncJob } from './gmail-sync-job';
export { outreachInbound } from './inbound';
export { outreachEventJob, outreachScheduler, outreachSendJob } from './jobs';
export { measureTracking, parseLabelledEvents } from './machine-events-eval';
export { outreachPersonaliseJob } from './personalise-job';
export { outreachRoutes } from './routes';
export { trackingRoutes } from './tracking-routes';
