import type { GrowthAnalysis } from '../../../schema/insights';
import { type Advice, fact, inbox, plural } from './advice';

/** Advice on how leads are answered: urgent ones waiting, the first follow-up, automatic replies that did not go out. */

/** A first human action slower than this (median, minutes) is worth a recommendation. */
export const SLOW_FIRST_ACTION_MINUTES = 60;
/** Below this share of automatic replies (percent), some replies did not go out. */
const LOW_COVERAGE_PERCENT = 90;

export function followUpAdvice(analysis: GrowthAnalysis): Advice[] {
  const { figures } = analysis;
  const { counts } = figures;
  const from = figures.period.start;
  const found: Advice[] = [];
  if (counts.waitingHigh > 0) {
    const n = counts.waitingHigh;
    found.push({
      id: 'waiting_high',
      priority: 100,
      facts: [fact('figures.counts.waitingHigh', n, 'count', 'Urgent leads waiting', 'Demandes urgentes en attente')],
      link: inbox({ urgency: 'High', sort: 'oldest', from }),
      write: {
        en: ([shown]) => ({
          title: `${shown} urgent ${plural(n, 'lead is', 'leads are')} still waiting for you`,
          body: `${plural(n, 'It', 'They')} came in during the past seven days and no one has followed up yet. Call back today: an urgent request usually goes to whoever answers first.`,
        }),
        fr: ([shown]) => ({
          title:
            n === 1
              ? `${shown} demande urgente attend encore votre suivi`
              : `${shown} demandes urgentes attendent encore votre suivi`,
          body: `${n === 1 ? 'Elle est arrivée' : 'Elles sont arrivées'} au cours des sept derniers jours et personne n’a encore fait de suivi. Rappelez aujourd’hui : une demande urgente va souvent à celui qui répond en premier.`,
        }),
      },
    });
  }

  const firstAction = figures.speedToLead.firstAction.all;
  if (counts.leads > 0 && firstAction.leads === 0) {
    found.push({
      id: 'no_follow_up',
      priority: 85,
      facts: [fact('figures.counts.leads', counts.leads, 'count', 'Leads this week', 'Demandes cette semaine')],
      link: inbox({ from, sort: 'oldest' }),
      write: {
        en: ([leads]) => ({
          title: 'No lead got a personal follow-up this week',
          body:
            counts.leads === 1
              ? 'The lead of the past seven days has no note, tag or answer from you yet. Follow up today.'
              : `None of the ${leads} leads of the past seven days has a note, a tag or an answer from you yet. Follow up with each of them today.`,
        }),
        fr: ([leads]) => ({
          title: 'Aucune demande n’a eu de suivi personnel cette semaine',
          body:
            counts.leads === 1
              ? 'La demande des sept derniers jours n’a encore ni note, ni étiquette, ni réponse de votre part. Faites un suivi aujourd’hui.'
              : `Aucune des ${leads} demandes des sept derniers jours n’a encore de note, d’étiquette ou de réponse de votre part. Faites un suivi avec chacune aujourd’hui.`,
        }),
      },
    });
  } else if (firstAction.median !== null && firstAction.median > SLOW_FIRST_ACTION_MINUTES) {
    const facts = [
      fact(
        'figures.speedToLead.firstAction.all.median',
        firstAction.median,
        'minutes',
        'Median first follow-up',
        'Premier suivi (médiane)',
      ),
    ];
    if (firstAction.p90 !== null) {
      facts.push(
        fact(
          'figures.speedToLead.firstAction.all.p90',
          firstAction.p90,
          'minutes',
          'Slowest tenth waited more than',
          'Le dixième le plus lent a attendu plus de',
        ),
      );
    }
    found.push({
      id: 'speed',
      priority: 80,
      facts,
      link: inbox({ from, sort: 'oldest' }),
      write: {
        en: ([median, p90]) => ({
          title: `Answer sooner: your first follow-up took ${median} (median)`,
          body: `${p90 ? `One lead in ten waited more than ${p90}. ` : ''}The automatic reply buys you time, but a lead called back within the hour is far more likely to book. Turn on notifications on your phone and answer in the morning and at noon.`,
        }),
        fr: ([median, p90]) => ({
          title: `Répondez plus vite : votre premier suivi a pris ${median} (médiane)`,
          body: `${p90 ? `Un client potentiel sur dix a attendu plus de ${p90}. ` : ''}La réponse automatique vous donne du temps, mais un client rappelé dans l’heure réserve beaucoup plus souvent. Activez les notifications sur votre téléphone et répondez le matin et le midi.`,
        }),
      },
    });
  } else if (firstAction.median !== null && firstAction.leads >= 3) {
    found.push({
      id: 'speed_good',
      priority: 25,
      facts: [
        fact(
          'figures.speedToLead.firstAction.all.median',
          firstAction.median,
          'minutes',
          'Median first follow-up',
          'Premier suivi (médiane)',
        ),
      ],
      link: null,
      write: {
        en: ([median]) => ({
          title: `You follow up fast: ${median} (median)`,
          body: 'Speed is what wins small-business leads. Keep the habit on your busiest days too.',
        }),
        fr: ([median]) => ({
          title: `Vous faites un suivi rapide : ${median} (médiane)`,
          body: 'La rapidité, c’est ce qui fait gagner les contrats. Gardez le rythme même les journées les plus occupées.',
        }),
      },
    });
  }

  const coverage = figures.engagement.terms.find((term) => term.key === 'coverage')?.input ?? null;
  if (coverage !== null && coverage < LOW_COVERAGE_PERCENT && counts.leads >= 3) {
    found.push({
      id: 'coverage',
      priority: 70,
      facts: [
        fact(
          'figures.counts.autoReplied',
          counts.autoReplied,
          'count',
          'Leads answered automatically',
          'Demandes avec réponse automatique',
        ),
        fact('figures.counts.leads', counts.leads, 'count', 'Leads this week', 'Demandes cette semaine'),
      ],
      link: { screen: 'activity', query: new URLSearchParams({ action: 'replied', from }).toString() },
      write: {
        en: ([replied, leads]) => ({
          title: `Only ${replied} of ${leads} leads got the automatic reply`,
          body: 'Some replies could not go out. Look at the leads without one: an address with a typo is worth a phone call instead.',
        }),
        fr: ([replied, leads]) => ({
          title:
            counts.autoReplied <= 1
              ? `Seulement ${replied} demande sur ${leads} a reçu la réponse automatique`
              : `Seulement ${replied} demandes sur ${leads} ont reçu la réponse automatique`,
          body: 'Certaines réponses n’ont pas pu partir. Regardez les demandes sans réponse : une adresse avec une faute de frappe vaut un appel.',
        }),
      },
    });
  }
  return found;
}
