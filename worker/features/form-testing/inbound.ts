import { eq, sql } from 'drizzle-orm';
import { prospectCandidates, prospectFormTests } from '../../../schema';
import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import type { InboundMessage } from '../../platform/mail/inbound';
import { defineInboundHandler } from '../../platform/mail/inbound-routing';
import type { Inquiry } from './inquiry';
import { scoreAnswer } from './score';
import { classifyToneOffline, type ToneInput, type ToneVerdict } from './tone';
import { createOpenAiToneClassifier } from './tone-openai';

/**
 * Mail to a form test's address: the business answering the inquiry. The first answer
 * completes the test (when, how fast, what kind, the score); later ones are counted. An
 * out-of-office notice or a delivery failure is not an answer: kept in the test's
 * history, the test still waits. A late answer after a timeout is still the truth: the
 * test becomes completed with the delay it really had.
 */

/** What is kept of an answer: enough to read and to quote, never a whole mailbox. */
const CONTENT_MAX_CHARS = 4_000;
const INSTANT_MINUTES = 3;

/** OpenAI when configured (it falls back to the offline rules itself, and says so), else the offline rules. */
function classify(env: Env, input: ToneInput): Promise<ToneVerdict> {
  if (!env.OPENAI_API_KEY) return Promise.resolve(classifyToneOffline(input));
  return createOpenAiToneClassifier({
    apiKey: env.OPENAI_API_KEY,
    ...(env.OPENAI_MODEL ? { model: env.OPENAI_MODEL } : {}),
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
  }).classify(input);
}

export async function receiveAnswer(
  deps: { env: Env; db: DatabaseAccess },
  testId: string,
  message: InboundMessage,
  receivedAt: Date = new Date(),
): Promise<Record<string, unknown>> {
  const { db, env } = deps;
  const [test] = await db.service((tx) =>
    tx
      .select({
        id: prospectFormTests.id,
        prospectId: prospectFormTests.prospectId,
        submittedAt: prospectFormTests.testSubmittedAt,
        receivedAt: prospectFormTests.responseReceivedAt,
        metadata: prospectFormTests.metadata,
        businessName: prospectCandidates.businessName,
      })
      .from(prospectFormTests)
      .innerJoin(prospectCandidates, eq(prospectCandidates.id, prospectFormTests.prospectId))
      .where(eq(prospectFormTests.id, testId)),
  );
  if (!test) return { ignored: 'unknown_test' };
  const note = { from: message.from.address, subject: message.subject.slice(0, 200), at: receivedAt.toISOString() };
  if (message.bounce) {
    await appendNote(db, testId, 'bounces', { ...note, status: message.bounce.status });
    return { ignored: 'bounce' };
  }

  const inquiry = test.metadata.inquiry as Inquiry | undefined;
  const minutes = Math.max(0, Math.floor((receivedAt.getTime() - test.submittedAt.getTime()) / 60_000));
  const verdict = await classify(env, {
    inquiry: {
      message: inquiry?.message ?? '',
      senderName: inquiry?.senderName ?? '',
      businessName: test.businessName,
      language: inquiry?.language ?? 'fr',
    },
    reply: {
      subject: message.subject,
      newText: message.newText,
      fromAddress: message.from.address,
      minutesAfter: minutes,
      autoSubmitted: message.auto.submitted,
      autoReasons: message.auto.reasons,
    },
  });
  if (verdict.tone === 'none') {
    await appendNote(db, testId, 'notAnswers', { ...note, cues: verdict.cues.map((cue) => cue.key) });
    return { ignored: 'not_an_answer', cues: verdict.cues.map((cue) => cue.key) };
  }
  if (test.receivedAt) {
    await appendNote(db, testId, 'laterMessages', note);
    return { later: true };
  }

  const { score, lines } = scoreAnswer({ minutes, tone: verdict.tone, personalization: verdict.personalization });
  const automatic = verdict.tone === 'robotic' || message.auto.submitted || minutes < INSTANT_MINUTES;
  const answer = {
    from: message.from.address,
    fromName: message.from.name,
    subject: message.subject.slice(0, 300),
    messageId: message.messageId,
    engine: verdict.engine,
    confidence: verdict.confidence,
    personalization: verdict.personalization,
    cues: verdict.cues,
    auto: message.auto,
  };
  // Only the first answer completes the test, even when two arrive at once.
  const [completed] = await db.service((tx) =>
    tx
      .update(prospectFormTests)
      .set({
        testStatus: 'completed',
        responseReceivedAt: receivedAt,
        responseTimeMinutes: minutes,
        hasAutoresponder: automatic,
        autoresponderTone: verdict.tone,
        autoresponderContent: message.newText.slice(0, CONTENT_MAX_CHARS),
        score,
        metadata: sql`${prospectFormTests.metadata} || ${JSON.stringify({ answer, score: lines })}::jsonb`,
      })
      .where(sql`${prospectFormTests.id} = ${testId} and ${prospectFormTests.responseReceivedAt} is null`)
      .returning({ id: prospectFormTests.id }),
  );
  if (!completed) {
    await appendNote(db, testId, 'laterMessages', note);
    return { later: true };
  }
  await db.service((tx) =>
    tx
      .update(prospectCandidates)
      .set({ responseScore: score, updatedAt: sql`now()` })
      .where(eq(prospectCandidates.id, test.prospectId)),
  );
  return { completed: true, tone: verdict.tone, minutes, score, engine: verdict.engine };
}

/** Adds one entry to a list in the test's metadata (bounces, notices, later messages): the first 20 kept, all counted. */
async function appendNote(db: DatabaseAccess, testId: string, list: string, entry: Record<string, unknown>) {
  await db.service((tx) =>
    tx.execute(sql`
      update ${prospectFormTests}
         set metadata = jsonb_set(
               jsonb_set(metadata, ${`{${list}}`}::text[],
                 case when jsonb_array_length(coalesce(metadata->${list}, '[]'::jsonb)) < 20
                      then coalesce(metadata->${list}, '[]'::jsonb) || ${JSON.stringify([entry])}::jsonb
                      else metadata->${list} end),
               ${`{${list}Count}`}::text[],
               to_jsonb(coalesce((metadata->>${`${list}Count`})::int, 0) + 1))
       where id = ${testId}`),
  );
}

export const formTestInbound = defineInboundHandler({
  purpose: 'form_test',
  handle: (message, target, deps) => receiveAnswer(deps, target.id, message),
});
