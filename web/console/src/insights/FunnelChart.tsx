// The funnel as horizontal bars in plain SVG (no chart library: the console's Mantine has no charts
// package installed), one bar per step with its count and the share of the step before. The chart
// is one image to a screen reader, with a summary as its label; the page offers the same figures
// as a table beside it.
import { useMantineTheme } from '@mantine/core';
import { formatNumber, formatPercent } from '../ui/format';

export interface FunnelBar {
  label: string;
  count: number;
  /** Share of the step before (null: first step, or nothing before). */
  conversion: number | null;
}

const ROW = 34;
const LABEL = 170;
const WIDTH = 640;
const VALUE = 120;

export function FunnelChart({ bars, label }: { bars: FunnelBar[]; label: string }) {
  const theme = useMantineTheme();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const track = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
      data-testid="funnel-chart"
    >
      {bars.map((b, i) => {
        const y = i * ROW;
        const w = b.count === 0 ? 0 : Math.max(2, (b.count / max) * track);
        return (
          <g key={b.label} aria-hidden="true">
            <text
              x={LABEL - 10}
              y={y + ROW / 2 + 4}
              textAnchor="end"
              fontSize={13}
              fill="currentColor"
            >
              {b.label}
            </text>
            <rect
              x={LABEL}
              y={y + 6}
              width={track}
              height={ROW - 12}
              rx={3}
              fill={theme.colors.gray[1]}
            />
            <rect
              x={LABEL}
              y={y + 6}
              width={w}
              height={ROW - 12}
              rx={3}
              fill={theme.colors.indigo[6]}
            />
            <text x={LABEL + track + 8} y={y + ROW / 2 + 4} fontSize={13} fill="currentColor">
              {formatNumber(b.count)}
              {b.conversion !== null ? ` (${formatPercent(b.conversion)})` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
