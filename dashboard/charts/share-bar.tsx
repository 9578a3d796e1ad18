import { Legend } from './legend';
import { type ChartTone, toneClass } from './tone';

export interface ShareSegment {
  key: string;
  label: string;
  /** The segment's share, in percent of the whole. */
  share: number;
  tone: ChartTone;
}

/**
 * Parts of a whole as one bar split in proportion (English and French leads), its legend
 * under it naming each part with its share.
 */
export function ShareBar(props: { segments: readonly ShareSegment[]; format: (share: number) => string }) {
  const { segments, format } = props;
  const total = segments.reduce((sum, segment) => sum + Math.max(0, segment.share), 0);
  let start = 0;
  return (
    <div class="share-bar">
      <svg
        class="bar-track share-track"
        viewBox="0 0 100 1"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect class="bar-rail" width="100" height="1" />
        {total > 0
          ? segments.map((segment) => {
              const width = (Math.max(0, segment.share) / total) * 100;
              const rect = (
                <rect
                  key={segment.key}
                  class={toneClass(segment.tone)}
                  x={start.toFixed(2)}
                  width={width.toFixed(2)}
                  height="1"
                />
              );
              start += width;
              return rect;
            })
          : null}
      </svg>
      <Legend
        items={segments.map((segment) => ({
          key: segment.key,
          tone: segment.tone,
          label: `${segment.label} ${format(segment.share)}`,
        }))}
      />
    </div>
  );
}
