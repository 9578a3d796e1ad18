import { ArrowRight, Lightbulb } from 'lucide';
import type { Recommendation } from '../schema/insights';
import { AppLink, Icon } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import { screenLink } from './router';
import './strings/insights';

/**
 * Growth Copilot's advice of the last analysis, in the dashboard's language: each a card
 * with what to do, why, the figures it quotes, and a link to the leads it is about (the
 * inbox filtered as the advice means it).
 */
export function Recommendations(props: {
  t: Strings;
  lang: Lang;
  recommendations: readonly Recommendation[];
  analyzedAt: string;
  go: (path: string) => void;
}) {
  const { t, lang, recommendations } = props;
  return (
    <section class="recommendations" aria-labelledby="insights-recommendations-title">
      <h2 id="insights-recommendations-title" class="with-icon section-title">
        <Icon icon={Lightbulb} />
        {t.insightsRecommendations}
      </h2>
      <p class="muted">{t.insightsRecommendationsFrom(formatDate(props.analyzedAt, lang))}</p>
      {recommendations.length === 0 ? (
        <p class="card">{t.insightsNoRecommendations}</p>
      ) : (
        <ol class="rec-list">
          {recommendations.map((recommendation) => (
            <RecommendationCard key={recommendation.id} t={t} recommendation={recommendation} go={props.go} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RecommendationCard(props: { t: Strings; recommendation: Recommendation; go: (path: string) => void }) {
  const { t, recommendation } = props;
  const { link } = recommendation;
  return (
    <li class="card rec">
      <h3>{recommendation.title}</h3>
      <p>{recommendation.body}</p>
      {recommendation.evidence.length > 0 ? (
        <>
          <p class="rec-evidence-title">{t.insightsEvidence}</p>
          <dl class="rec-evidence">
            {recommendation.evidence.map((item) => (
              <div key={item.label}>
                <dt>{item.label}</dt>
                <dd>{item.display}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {link ? (
        <AppLink class="rec-link" href={screenLink(link)} go={props.go}>
          {t.insightsLinkTo[link.screen]}
          <Icon icon={ArrowRight} />
        </AppLink>
      ) : null}
    </li>
  );
}
