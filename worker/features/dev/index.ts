/** What `npm start` serves for trying the product locally: the demo site and the dev outbox. */
export { demoRoutes } from './demo';
export { outboxRoutes } from './outbox-routes';
