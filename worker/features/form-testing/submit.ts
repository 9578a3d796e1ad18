import type { FormTestFailure } from '../../../schema/form-tests-api';
import { fetchRobots } from '../../platform/fetch/robots';
import { type FetchedPage, FetchRefused, type OutboundFetcher } from '../../platform/fetch/safe-fetch';
import { ROBOTS_TOKEN, readPage } from '../prospects';
import { fillForm, type Submission, type Visitor } from './fill';
import type { Inquiry } from './inquiry';

/**
 * One form test's submission, as the page's own form would send it: robots.txt asked
 * first, the form page loaded fresh (its tokens and cookies are this visit's), the form
 * filled, then sent to its action with the page's cookies, through the same SSRF-safe,
 * paced fetcher discovery uses.
 */

const TIMEOUT_MS = 15_000;
const PAGE_MAX_BYTES = 2_000_000;
const LOGIN_PATH = /\/(login|log-in|signin|sign-in|connexion|se-connecter|compte|account)(\/|$|\?)/i;

export type SubmitOutcome =
  | {
      status: 'submitted';
      submission: Submission;
      /** What the site answered the post with. */
      httpStatus: number;
      finalUrl: string;
      redirects: string[];
    }
  | { status: 'failed'; reason: FormTestFailure; message: string; submission?: Submission };

const failed = (reason: FormTestFailure, message: string, submission?: Submission): SubmitOutcome => ({
  status: 'failed',
  reason,
  message,
  ...(submission ? { submission } : {}),
});

function refusal(error: unknown): SubmitOutcome {
  if (!(error instanceof FetchRefused)) return failed('unreachable', (error as Error).message);
  const unanswered = ['timeout', 'network', 'unresolvable', 'too_many_redirects', 'redirect_loop'];
  return failed(unanswered.includes(error.reason) ? 'unreachable' : 'refused_address', error.message);
}

/** The cookies the form page set, as a browser sends them back: name=value only. */
function cookiesOf(page: FetchedPage): string | null {
  const pairs = page.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!.trim())
    .filter((pair) => /^[^=\s]+=/.test(pair));
  return pairs.length > 0 ? pairs.join('; ') : null;
}

function body(submission: Submission): URLSearchParams | FormData {
  if (submission.enctype === 'multipart/form-data') {
    const form = new FormData();
    for (const [name, value] of submission.fields) form.append(name, value);
    return form;
  }
  return new URLSearchParams(submission.fields);
}

export async function submitFormTest(
  fetcher: OutboundFetcher,
  input: { formUrl: string; visitor: Visitor; inquiry: Inquiry },
): Promise<SubmitOutcome> {
  const origin = new URL(input.formUrl).origin;
  let page: FetchedPage;
  try {
    const robots = await fetchRobots(fetcher, origin, ROBOTS_TOKEN);
    if (!robots.isAllowed(input.formUrl)) {
      return robots.failure
        ? failed('unreachable', 'The site did not answer for its robots.txt.')
        : failed('robots_disallowed', 'robots.txt disallows the form page.');
    }
    page = await fetcher.fetch(input.formUrl, { timeoutMs: TIMEOUT_MS, maxBytes: PAGE_MAX_BYTES, accept: 'text/html' });
  } catch (error) {
    return refusal(error);
  }
  if (page.status === 401 || page.status === 403 || LOGIN_PATH.test(new URL(page.url).pathname)) {
    return failed('login_required', `The form page asks to sign in (HTTP ${page.status}, ${page.url}).`);
  }
  if (page.status >= 400) return failed('unreachable', `The form page answered HTTP ${page.status}.`);

  const reading = readPage(page.text, page.url);
  if (!reading.form) {
    return reading.javascriptOnlyForm
      ? failed('javascript_only', 'The form is sent by a script, not by the page: it is not driven.')
      : failed('no_form', `No contact form was found on ${page.url} any more.`);
  }
  const filled = fillForm(reading.form, input.visitor, input.inquiry);
  if (!filled.ok) return failed(filled.reason, filled.message);
  const submission = filled.submission;

  const cookies = cookiesOf(page);
  const headers: Record<string, string> = { referer: page.url, origin: new URL(page.url).origin };
  if (cookies) headers.cookie = cookies;
  try {
    const answer =
      submission.method === 'get'
        ? await fetcher.fetch(`${submission.action.split('?')[0]}?${new URLSearchParams(submission.fields)}`, {
            timeoutMs: TIMEOUT_MS,
            maxBytes: PAGE_MAX_BYTES,
            headers,
          })
        : await fetcher.fetch(submission.action, {
            method: 'POST',
            body: body(submission),
            timeoutMs: TIMEOUT_MS,
            maxBytes: PAGE_MAX_BYTES,
            headers,
          });
    if (answer.status >= 400) {
      return failed('rejected', `The site refused the submission: HTTP ${answer.status}.`, submission);
    }
    return {
      status: 'submitted',
      submission,
      httpStatus: answer.status,
      finalUrl: answer.url,
      redirects: answer.redirects,
    };
  } catch (error) {
    const outcome = refusal(error);
    return outcome.status === 'failed' ? { ...outcome, submission } : outcome;
  }
}
