import * as v from 'valibot';
import type { QueueMessage } from '../../platform/jobs/message';

/** Form testing's queue message: one approved batch, run once whatever the deliveries. */

export interface FormTestsMessage extends QueueMessage {
  type: 'form_tests';
  batchId: string;
}

export const formTestsMessage = v.object({
  type: v.literal('form_tests'),
  batchId: v.pipe(v.string(), v.uuid()),
});

export const formTestsJobKey = (message: FormTestsMessage) => `form_tests:${message.batchId}`;
