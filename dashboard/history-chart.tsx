import type { HistoryPoint } from './api';
import { formatDate, type Lang, type Strings } from './i18n';
import './strings/leads';

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 5;

/** Who set a history point (`engine`): the client's own correction is `human`. */
export const isHumanPoint = (point: HistoryPoint<unknown>) => point.engine === 'human';

/**
 * One point as its label says it: "High (Dec 2, 2026, 10:05 a.m.)", and for a value the
 * client set "High (Dec 2, 2026, 10:05 a.m., corrected by you)": never an engine's name.
 */
export const historyPointText = <T,>(point: HistoryPoint<T>, format: (value: T) => string, t: Strings, lang: Lang) =>
  `${format(point.value)} (${formatDate(point.at, lang)}${isHumanPoint(point) ? `, ${t.correctedByYou}` : ''})`;

/**
 * A small step chart of one triage value over time, from two points on: one value is the
 * value already shown beside it, and a lone dot says nothing, so fewer draw nothing.
 * `levels` lists a category's values from top to bottom; without it the values are 0–1
 * scores. The AI's values are dots, the client's corrections rings, with a legend when
 * there is one. The drawing is decorative: its label says every value, date and
 * correction, for screen readers and as a tooltip.
 */
export function HistoryChart<T extends string | number>(props: {
  t: Strings;
  lang: Lang;
  name: string;
  points: HistoryPoint<T>[];
  levels?: readonly string[];
  format: (value: T) => string;
}) {
  const { t, lang, name, points, levels, format } = props;
  if (points.length < 2) return null;
  const y = (value: T) => {
    const share = levels
      ? levels.length > 1
        ? levels.indexOf(String(value)) / (levels.length - 1)
        : 0
      : 1 - Math.min(1, Math.max(0, Number(value)));
    return PAD + Math.max(0, share) * (HEIGHT - 2 * PAD);
  };
  const step = (WIDTH - 2 * PAD) / (points.length - 1);
  const x = (index: number) => PAD + index * step;
  const path = points
    .map((point, index) => {
      const here = `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`;
      return index === 0 ? `M${here}` : `H${x(index).toFixed(1)}V${y(point.value).toFixed(1)}`;
    })
    .join('');
  const said = points.map((point) => historyPointText(point, format, t, lang)).join(', ');
  const label = `${t.historyOf(name)}: ${said}`;
  const corrected = points.some(isHumanPoint);
  return (
    <>
      <svg
        class="history-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        <path d={path} fill="none" stroke="currentColor" stroke-width="2" />
        {points.map((point, index) =>
          isHumanPoint(point) ? (
            <circle
              key={index}
              class="history-human"
              cx={x(index)}
              cy={y(point.value)}
              r="4"
              stroke-width="2.5"
              data-author="human"
            />
          ) : (
            <circle key={index} cx={x(index)} cy={y(point.value)} r="3" fill="currentColor" />
          ),
        )}
      </svg>
      {corrected ? (
        <span class="history-legend" aria-hidden="true">
          <span>
            <span class="history-key history-key-ai" />
            {t.historyLegendAi}
          </span>
          <span>
            <span class="history-key history-key-human" />
            {t.correctedByYou}
          </span>
        </span>
      ) : null}
    </>
  );
}
