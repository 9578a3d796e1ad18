import type { Language } from '../../../schema/vocabulary';
import { escapeHtml } from '../../platform/mail/mime';
import type { MailThread, OutgoingMail } from '../../platform/mail/port';
import { complianceFooter, type SenderIdentity } from './identification';
import { isTrackableUrl, signTrackingToken } from './tokens';

/**
 * An approved outreach email as it leaves: links in the HTML part through the click
 * redirect, the open pixel, the law's footer with the unsubscribe link in both parts, the
 * List-Unsubscribe headers (RFC 8058 one-click and a mailto), replies to the email's signed
 * address, and, for a follow-up, the first email's thread.
 */

export interface OutgoingOutreach {
  emailId: string;
  to: string;
  mailbox: string;
  subject: string;
  plain: string;
  html: string;
  language: Language;
  identity: SenderIdentity;
  /** The page the address was published on (the consent evidence), named in the footer. */
  publishedOn: string | null;
  replyAddress: string;
  thread: MailThread | null;
}

export interface TrackingConfig {
  /** The Worker's public origin: tracking and unsubscribe links point there. */
  appUrl: string;
  secret: string;
}

const unescapeHtml = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Every http(s) href of the HTML part sent through the click redirect, its address signed into the token. */
export async function trackLinks(html: string, emailId: string, config: TrackingConfig): Promise<string> {
  const pieces: string[] = [];
  let last = 0;
  for (const match of html.matchAll(/href="([^"]*)"/gi)) {
    const url = unescapeHtml(match[1]!);
    pieces.push(html.slice(last, match.index));
    if (isTrackableUrl(url)) {
      const token = await signTrackingToken(config.secret, { kind: 'click', emailId, url });
      pieces.push(`href="${config.appUrl}/o/c/${token}"`);
    } else {
      pieces.push(match[0]);
    }
    last = match.index + match[0].length;
  }
  return pieces.join('') + html.slice(last);
}

export const unsubscribeUrl = async (config: TrackingConfig, emailId: string) =>
  `${config.appUrl}/u/${await signTrackingToken(config.secret, { kind: 'unsubscribe', emailId })}`;

export async function outgoingMail(email: OutgoingOutreach, config: TrackingConfig): Promise<OutgoingMail> {
  const unsubscribe = await unsubscribeUrl(config, email.emailId);
  const footer = complianceFooter(email.identity, email.language, {
    unsubscribeUrl: unsubscribe,
    publishedOn: email.publishedOn,
  });
  const pixel = await signTrackingToken(config.secret, { kind: 'open', emailId: email.emailId });
  const body = await trackLinks(email.html, email.emailId, config);
  const html =
    `<!doctype html><html lang="${email.language}"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">` +
    `${body}${footer.html}` +
    `<img src="${escapeHtml(`${config.appUrl}/o/p/${pixel}`)}" width="1" height="1" alt="" style="display:block;border:0">` +
    '</body></html>';
  return {
    from: { email: email.mailbox, name: email.identity.senderName },
    to: { email: email.to },
    replyTo: { email: email.replyAddress, name: email.identity.senderName },
    subject: email.subject,
    text: `${email.plain.trimEnd()}${footer.plain}`,
    html,
    listUnsubscribe: unsubscribe,
    listUnsubscribeMailto: email.replyAddress,
    thread: email.thread ?? undefined,
    idempotencyKey: `outreach-${email.emailId}`,
  };
}
