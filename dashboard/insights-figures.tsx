import { Gauge, Inbox, Target, Timer } from 'lucide';
import type { GrowthAnalysis } from '../schema/insights';
import { Stat } from './design';
import { formatDuration, type Lang, type Strings } from './i18n';
import { formatChange, formatCount, formatScore, formatShare } from './insights-format';
import './strings/insights';

/** (now − before) ÷ before in percent; null when there was nothing before to compare with. */
export const changePercent = (now: number, before: number) => (before > 0 ? ((now - before) / before) * 100 : null);

/** converted ÷ leads in percent; null with no lead. */
export const rateOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/**
 * Opens the explanation a link points to and takes the reader there, instead of letting
 * the browser change the address's hash (which the router would take for a navigation).
 */
function openDetails(event: MouseEvent, id: string) {
  const details = document.getElementById(id);
  if (!(details instanceof HTMLDetailsElement)) return;
  event.preventDefault();
  details.open = true;
  details.scrollIntoView({ block: 'start' });
  details.querySelector('summary')?.focus({ preventScroll: true });
}

/**
 * The four figures of the period at a glance: how many leads came (against the period
 * before), the engagement score, how fast the team acts, and how many converted.
 */
export function KeyFigures(props: { t: Strings; lang: Lang; analysis: GrowthAnalysis; methodId: string }) {
  const { t, lang, analysis } = props;
  const { counts, speedToLead } = analysis.figures;
  const change = changePercent(counts.leads, counts.previousLeads);
  const firstAction = speedToLead.firstAction.all.median;
  const autoReply = speedToLead.autoReply.all.median;
  const conversion = rateOf(counts.converted, counts.leads);
  return (
    <section class="key-figures" aria-labelledby="insights-key-figures">
      <h2 id="insights-key-figures" class="sr-only">
        {t.insightsKeyFigures}
      </h2>
      <div class="stats">
        <Stat
          icon={Inbox}
          label={t.insightsLeads}
          value={formatCount(counts.leads, lang)}
          note={t.insightsLeadsNote(
            formatCount(counts.previousLeads, lang),
            change === null ? null : formatChange(change, lang),
          )}
        />
        <Stat
          icon={Gauge}
          label={t.insightsEngagement}
          value={
            analysis.engagementScore === null ? (
              t.none
            ) : (
              <>
                {formatScore(analysis.engagementScore, lang)}
                <span class="stat-unit"> {t.insightsOutOf100}</span>
              </>
            )
          }
          note={
            <>
              {t.insightsEngagementNote} ·{' '}
              <a href={`#${props.methodId}`} onClick={(event) => openDetails(event, props.methodId)}>
                {t.insightsHowLink}
              </a>
            </>
          }
        />
        <Stat
          icon={Timer}
          label={t.insightsSpeed}
          value={firstAction === null ? t.none : formatDuration(firstAction, lang)}
          note={
            firstAction === null
              ? t.insightsSpeedNone
              : t.insightsSpeedNote(autoReply === null ? t.none : formatDuration(autoReply, lang))
          }
        />
        <Stat
          icon={Target}
          label={t.insightsConversion}
          value={conversion === null ? t.none : formatShare(conversion, lang)}
          note={t.insightsConversionNote(formatCount(counts.converted, lang), formatCount(counts.leads, lang))}
        />
      </div>
    </section>
  );
}
