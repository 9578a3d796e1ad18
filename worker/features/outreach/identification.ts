import type { BilingualText } from '../../../schema/prospects-api';
import type { Language } from '../../../schema/vocabulary';
import { escapeHtml } from '../../platform/mail/mime';

/**
 * What Canada's anti-spam law (CASL, s. 6(2) and the CRTC's regulations) asks of every
 * commercial message: who sends it and on whose behalf, a postal address and a way to
 * reach them, and a working unsubscribe stated plainly. A campaign without all four is
 * refused before anything is sent. Pure: no I/O.
 */

export interface SenderIdentity {
  /** The person signing, e.g. Marie Tremblay. */
  senderName: string;
  /** The business on whose behalf the message is sent. */
  businessName: string;
  /** A mailing address that is valid for at least 60 days after sending. */
  postalAddress: string;
  /** An email address, a phone number or a web page where the sender can be reached. */
  contact: string;
}

export const IDENTITY_FIELDS = ['senderName', 'businessName', 'postalAddress', 'contact'] as const;

export const IDENTITY_LABELS: Record<(typeof IDENTITY_FIELDS)[number], BilingualText> = {
  senderName: { en: 'the sender’s name', fr: 'le nom de l’expéditeur' },
  businessName: { en: 'the business it is sent for', fr: 'l’entreprise au nom de laquelle il est envoyé' },
  postalAddress: { en: 'a postal address', fr: 'une adresse postale' },
  contact: { en: 'a contact (email, phone or web page)', fr: 'un moyen de contact (courriel, téléphone ou page web)' },
};

/** The fields a campaign's identity lacks; empty when it may send. */
export function missingIdentity(identity: Partial<SenderIdentity> | null | undefined): (keyof SenderIdentity)[] {
  return IDENTITY_FIELDS.filter((field) => !identity?.[field]?.trim());
}

export interface Footer {
  plain: string;
  html: string;
}

/** The lines every outreach email ends with: identification, why they got it, how to stop. */
export function complianceFooter(
  identity: SenderIdentity,
  language: Language,
  links: { unsubscribeUrl: string; publishedOn: string | null },
): Footer {
  const { senderName, businessName, postalAddress, contact } = identity;
  const lines =
    language === 'fr'
      ? [
          `${senderName}, pour ${businessName}, ${postalAddress}. Pour nous joindre : ${contact}.`,
          links.publishedOn
            ? `Nous vous écrivons parce que cette adresse est publiée sur ${links.publishedOn} pour joindre votre entreprise.`
            : 'Nous vous écrivons parce que cette adresse est publiée pour joindre votre entreprise.',
          'Pour ne plus recevoir nos courriels, en un clic :',
        ]
      : [
          `${senderName}, for ${businessName}, ${postalAddress}. Reach us at ${contact}.`,
          links.publishedOn
            ? `We are writing because this address is published on ${links.publishedOn} to reach your business.`
            : 'We are writing because this address is published to reach your business.',
          'To stop receiving our emails, in one click:',
        ];
  const unsubscribeLabel = language === 'fr' ? 'Me désabonner' : 'Unsubscribe';
  const plain = `\n\n--\n${lines.join('\n')} ${links.unsubscribeUrl}\n`;
  const html =
    `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">` +
    `<p style="font-size:12px;color:#555;line-height:1.5">${lines.slice(0, 2).map(escapeHtml).join('<br>')}<br>` +
    `${escapeHtml(lines[2]!)} <a href="${escapeHtml(links.unsubscribeUrl)}">${unsubscribeLabel}</a></p>`;
  return { plain, html };
}
