import type { Language } from '../../../schema/vocabulary';
import type { TemplateSource } from './template';

/**
 * The follow-ups' words: short replies in the first email's thread, checked and rendered
 * like any template. The last one says it is the last, and means it.
 */

const EN: TemplateSource[] = [
  {
    subject: 'Re',
    plain:
      'Hello,\n\nA short follow-up to my message below about {{company_name}}. If it would help, reply to this email and I will send you two or three times for a 15-minute call.\n\n{{sender_name}}\n{{sender_company}}',
    html: '<p>Hello,</p><p>A short follow-up to my message below about {{company_name}}. If it would help, reply to this email and I will send you two or three times for a 15-minute call.</p><p>{{sender_name}}<br>{{sender_company}}</p>',
  },
  {
    subject: 'Re',
    plain:
      'Hello,\n\nOne last note: if now is not the right time for {{company_name}}, no problem, I will not write again about this.\n\n{{sender_name}}\n{{sender_company}}',
    html: '<p>Hello,</p><p>One last note: if now is not the right time for {{company_name}}, no problem, I will not write again about this.</p><p>{{sender_name}}<br>{{sender_company}}</p>',
  },
];

const FR: TemplateSource[] = [
  {
    subject: 'Re',
    plain:
      'Bonjour,\n\nUn court suivi de mon message ci-dessous au sujet de {{company_name}}. Si cela peut vous être utile, répondez à ce courriel et je vous proposerai deux ou trois moments pour un appel de 15 minutes.\n\n{{sender_name}}\n{{sender_company}}',
    html: '<p>Bonjour,</p><p>Un court suivi de mon message ci-dessous au sujet de {{company_name}}. Si cela peut vous être utile, répondez à ce courriel et je vous proposerai deux ou trois moments pour un appel de 15 minutes.</p><p>{{sender_name}}<br>{{sender_company}}</p>',
  },
  {
    subject: 'Re',
    plain:
      'Bonjour,\n\nUn dernier mot : si ce n’est pas le bon moment pour {{company_name}}, aucun problème, je ne vous écrirai plus à ce sujet.\n\n{{sender_name}}\n{{sender_company}}',
    html: '<p>Bonjour,</p><p>Un dernier mot : si ce n’est pas le bon moment pour {{company_name}}, aucun problème, je ne vous écrirai plus à ce sujet.</p><p>{{sender_name}}<br>{{sender_company}}</p>',
  },
];

/**
 * The follow-up for step `step` (2 and up): the last words for the last step of three or
 * more, the first ones before it. Its subject is the first email's, answered (`Re: …`):
 * the caller sets it once the first subject is rendered.
 */
export function followUpTemplate(language: Language, step: number, steps: number): TemplateSource {
  const [first, last] = language === 'fr' ? FR : EN;
  return { ...(step === steps && steps > 2 ? last! : first!), subject: 'Re' };
}

export const followUpSubject = (firstSubject: string) =>
  /^re:/i.test(firstSubject) ? firstSubject : `Re: ${firstSubject}`;
