/**
 * Contact-form testing, the growth machine's evidence: a prospect's form written to with
 * an honest inquiry (approved batches only, within the limits), the answer caught by the
 * email handler through the test's signed address, its tone judged and scored.
 */
export { formTestInbound } from './inbound';
export { formTestsJob, formTestTimeouts, formTestTimeoutsJob } from './jobs';
export { formTestRoutes } from './routes';
