import { Calculator } from 'lucide';
import { useEffect, useRef } from 'preact/hooks';
import type { GrowthAnalysis } from '../schema/insights';
import { Icon, Table } from './design';
import type { Lang, Strings } from './i18n';
import { termColumns, termRows } from './insights-charts';
import { formatDecimal } from './insights-format';
import './strings/insights';

/**
 * "How is this computed": every figure's definition in plain words (the analysis's own,
 * features/insights), and the engagement score of the period term by term, with the
 * figure each term comes from. Closed by default; opened for printing, so a printed
 * report carries its definitions.
 */
export function Method(props: { t: Strings; lang: Lang; analysis: GrowthAnalysis; id: string }) {
  const { t, lang, analysis } = props;
  const details = useRef<HTMLDetailsElement>(null);
  usePrintOpen(details);
  const forecast = analysis.figures.forecast;
  return (
    <details ref={details} id={props.id} class="card method">
      <summary>
        <Icon icon={Calculator} />
        <span>{t.insightsMethodTitle}</span>
      </summary>
      <p>{t.insightsMethodIntro}</p>
      <h3 class="method-terms">{t.insightsMethodTerms}</h3>
      <Table
        caption={t.insightsMethodTerms}
        columns={termColumns(t)}
        rows={termRows(analysis, t, lang)}
        rowKey={(row) => row.key}
      />
      <dl class="method-parts">
        {t.insightsMethod.map((part) => (
          <div key={part.title}>
            <dt>{part.title}</dt>
            <dd>{part.text}</dd>
          </div>
        ))}
      </dl>
      {forecast && forecast.backtestError !== null ? (
        <p class="muted">{t.insightsBacktest(formatDecimal(forecast.backtestError, lang), forecast.weeks)}</p>
      ) : null}
    </details>
  );
}

/** Opens a disclosure while the page prints and closes it again after, if it was closed. */
function usePrintOpen(ref: { current: HTMLDetailsElement | null }) {
  useEffect(() => {
    let wasOpen = false;
    const before = () => {
      const element = ref.current;
      if (!element) return;
      wasOpen = element.open;
      element.open = true;
    };
    const after = () => {
      if (ref.current && !wasOpen) ref.current.open = false;
    };
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    return () => {
      removeEventListener('beforeprint', before);
      removeEventListener('afterprint', after);
    };
  }, []);
}
