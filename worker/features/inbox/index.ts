/**
 * The lead inbox: the filtered, searchable, keyset-paged list and its CSV export, one
 * lead with its timeline, bulk actions, notes, tags and the activity log.
 */
export { inboxRoutes } from './routes';
