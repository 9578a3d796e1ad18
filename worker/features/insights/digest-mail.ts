import type { GrowthAnalysis, Recommendation } from '../../../schema/insights';
import type { Language } from '../../../schema/vocabulary';
import { frenchTypography } from '../../platform/french-typography';
import { formatFigure } from './figure-format';

/**
 * The Monday digest's words, without I/O: the week in three figures, the recommendations,
 * a link to the Insights screen and one to turn the digest off, in the client's language.
 * Plain text (the HTML part is made from it, links on lines of their own), like every mail
 * the product sends.
 */

export interface DigestInput {
  language: Language;
  businessName: string;
  analysis: GrowthAnalysis;
  recommendations: readonly Recommendation[];
  insightsUrl: string;
  turnOffUrl: string;
}

export interface DigestMail {
  subject: string;
  text: string;
}

const WORDS = {
  en: {
    subject: (leads: string) => `Your week with Avenir: ${leads}`,
    leads: (n: number, shown: string) => `${shown} ${n === 1 ? 'lead' : 'leads'}`,
    hello: (business: string) => `Here is ${business}'s week, and what to do about it.`,
    leadsLine: (shown: string, previous: string) => `Leads: ${shown} (the week before: ${previous})`,
    urgentLine: (shown: string, waiting: string) => `Urgent requests: ${shown} (still waiting for you: ${waiting})`,
    speedLine: (shown: string | null) =>
      shown === null ? 'First follow-up: no lead was followed up yet' : `First follow-up: ${shown} (median)`,
    todo: 'This week:',
    open: 'See every figure and chart:',
    footer: 'You get this digest every Monday. To stop it, one click:',
  },
  fr: {
    subject: (leads: string) => `Votre semaine avec Avenir : ${leads}`,
    leads: (n: number, shown: string) => `${shown} ${n === 1 ? 'demande' : 'demandes'}`,
    hello: (business: string) => `Voici la semaine de ${business} et ce qu’il y a à faire ensuite.`,
    leadsLine: (shown: string, previous: string) => `Demandes : ${shown} (la semaine d’avant : ${previous})`,
    urgentLine: (shown: string, waiting: string) => `Demandes urgentes : ${shown} (encore en attente : ${waiting})`,
    speedLine: (shown: string | null) =>
      shown === null ? 'Premier suivi : aucune demande n’a encore eu de suivi' : `Premier suivi : ${shown} (médiane)`,
    todo: 'Cette semaine :',
    open: 'Tous les chiffres et les graphiques :',
    footer: 'Vous recevez ce résumé chaque lundi. Pour ne plus le recevoir, un clic :',
  },
} as const;

export function digestMail(input: DigestInput): DigestMail {
  const { language, analysis } = input;
  const words = WORDS[language];
  const { counts, speedToLead } = analysis.figures;
  const count = (value: number) => formatFigure(value, 'count', language);
  const median = speedToLead.firstAction.all.median;
  const advice = input.recommendations.map((item, index) => `${index + 1}. ${item.title}\n${item.body}`);
  const text = [
    words.hello(input.businessName),
    [
      words.leadsLine(count(counts.leads), count(counts.previousLeads)),
      words.urgentLine(count(counts.high), count(counts.waitingHigh)),
      words.speedLine(median === null ? null : formatFigure(median, 'minutes', language)),
    ].join('\n'),
    ...(advice.length > 0 ? [words.todo, ...advice] : []),
    `${words.open}\n${input.insightsUrl}`,
    `${words.footer}\n${input.turnOffUrl}`,
  ].join('\n\n');
  const subject = words.subject(words.leads(counts.leads, count(counts.leads)));
  return language === 'fr' ? { subject: frenchTypography(subject), text: frenchTypography(text) } : { subject, text };
}
