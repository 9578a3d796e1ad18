import * as v from 'valibot';
import type { QueueMessage } from '../../platform/jobs/message';

/** Form testing's queue messages: one approved batch, run once whatever the deliveries; a timeout sweep. */

export interface FormTestsMessage extends QueueMessage {
  type: 'form_tests';
  batchId: string;
}

export const formTestsMessage = v.object({
  type: v.literal('form_tests'),
  batchId: v.pipe(v.string(), v.uuid()),
});

export const formTestsJobKey = (message: FormTestsMessage) => `form_tests:${message.batchId}`;

/** Silence swept into timeouts now: after the setting's hours, or after `afterMinutes` when an operator says so. */
export interface FormTestTimeoutsMessage extends QueueMessage {
  type: 'form_test_timeouts';
  afterMinutes?: number;
}

export const formTestTimeoutsMessage = v.object({
  type: v.literal('form_test_timeouts'),
  afterMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
