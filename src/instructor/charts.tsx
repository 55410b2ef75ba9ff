import { useId, type ReactNode } from 'react';

/**
 * Small SVG charts for the instructor views. Each is a `role="img"` with a title and a
 * description that states the data in words, and each is shown with a data table (the caller
 * renders it), so nothing is told by the picture alone. Axes run left to right in every
 * language: numbers read that way in Arabic too.
 */

interface Frame {
  title: string;
  description: string;
  children: ReactNode;
  width: number;
  height: number;
}

function ChartSvg({ title, description, children, width, height }: Frame) {
  const id = useId();
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      direction="ltr"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {children}
    </svg>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** Text written at the bar's end (e.g. "12" or "75 %"). */
  text: string;
}

/** Vertical bars over labelled categories (a score distribution). */
export function ColumnChart({ title, description, bars, max, axisLabel }: { title: string; description: string; bars: Bar[]; max: number; axisLabel: string }) {
  const W = 640;
  const H = 260;
  const left = 40;
  const bottom = 40;
  const top = 20;
  const plotH = H - bottom - top;
  const step = (W - left - 10) / Math.max(1, bars.length);
  const scale = (v: number) => (max > 0 ? (v / max) * plotH : 0);
  return (
    <ChartSvg title={title} description={description} width={W} height={H}>
      <line x1={left} y1={H - bottom} x2={W - 5} y2={H - bottom} className="chart-axis" />
      {bars.map((b, k) => {
        const h = scale(b.value);
        const x = left + k * step + step * 0.12;
        return (
          <g key={b.label}>
            <rect x={x} y={H - bottom - h} width={step * 0.76} height={h} className="chart-bar" />
            <text x={x + step * 0.38} y={H - bottom - h - 5} textAnchor="middle" className="chart-value">
              {b.text}
            </text>
            <text x={x + step * 0.38} y={H - bottom + 16} textAnchor="middle" className="chart-label">
              {b.label}
            </text>
          </g>
        );
      })}
      <text x={(W + left) / 2} y={H - 6} textAnchor="middle" className="chart-label">
        {axisLabel}
      </text>
    </ChartSvg>
  );
}

/** Horizontal bars from 0 to 100 % (mastery per objective). */
export function BarChart({ title, description, bars }: { title: string; description: string; bars: Bar[] }) {
  const W = 640;
  const row = 26;
  const labelW = 150;
  const H = bars.length * row + 30;
  const plotW = W - labelW - 60;
  return (
    <ChartSvg title={title} description={description} width={W} height={H}>
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={labelW + (plotW * p) / 100} y1={4} x2={labelW + (plotW * p) / 100} y2={H - 22} className="chart-grid" />
          <text x={labelW + (plotW * p) / 100} y={H - 8} textAnchor="middle" className="chart-label">
            {`${p} %`}
          </text>
        </g>
      ))}
      {bars.map((b, k) => (
        <g key={b.label}>
          <text x={labelW - 8} y={k * row + 20} textAnchor="end" className="chart-label">
            {b.label}
          </text>
          <rect x={labelW} y={k * row + 8} width={Math.max(0, (plotW * b.value) / 100)} height={row - 10} className="chart-bar" />
          <text x={labelW + (plotW * b.value) / 100 + 6} y={k * row + 20} className="chart-value">
            {b.text}
          </text>
        </g>
      ))}
    </ChartSvg>
  );
}

export interface Point {
  label: string;
  x: number;
  y: number;
  /** Drawn as a hollow diamond: flagged for review. */
  flagged: boolean;
}

/** Facility (x, 0..1) against discrimination (y, −1..1), with the usual review lines. */
export function ItemMap({
  title,
  description,
  points,
  xLabel,
  yLabel,
}: {
  title: string;
  description: string;
  points: Point[];
  xLabel: string;
  yLabel: string;
}) {
  const W = 640;
  const H = 380;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 48;
  const px = (x: number) => left + x * (W - left - right);
  const py = (y: number) => top + ((1 - y) / 2) * (H - top - bottom);
  return (
    <ChartSvg title={title} description={description} width={W} height={H}>
      <rect x={px(0.25)} y={py(1)} width={px(0.9) - px(0.25)} height={py(0.2) - py(1)} className="chart-zone" />
      {[0, 0.25, 0.5, 0.75, 1].map((x) => (
        <g key={`x${x}`}>
          <line x1={px(x)} y1={py(1)} x2={px(x)} y2={py(-1)} className="chart-grid" />
          <text x={px(x)} y={H - bottom + 18} textAnchor="middle" className="chart-label">
            {x.toFixed(2)}
          </text>
        </g>
      ))}
      {[-1, -0.5, 0, 0.2, 0.5, 1].map((y) => (
        <g key={`y${y}`}>
          <line x1={left} y1={py(y)} x2={W - right} y2={py(y)} className={y === 0 ? 'chart-axis' : 'chart-grid'} />
          <text x={left - 6} y={py(y) + 4} textAnchor="end" className="chart-label">
            {y.toFixed(1)}
          </text>
        </g>
      ))}
      {points.map((p) =>
        p.flagged ? (
          <path
            key={p.label}
            d={`M ${px(p.x)} ${py(p.y) - 6} l 6 6 l -6 6 l -6 -6 z`}
            className="chart-point flagged"
          >
            <title>{p.label}</title>
          </path>
        ) : (
          <circle key={p.label} cx={px(p.x)} cy={py(p.y)} r={5} className="chart-point">
            <title>{p.label}</title>
          </circle>
        ),
      )}
      <text x={(W + left) / 2} y={H - 8} textAnchor="middle" className="chart-label">
        {xLabel}
      </text>
      <text x={14} y={(H - bottom + top) / 2} textAnchor="middle" transform={`rotate(-90 14 ${(H - bottom + top) / 2})`} className="chart-label">
        {yLabel}
      </text>
    </ChartSvg>
  );
}
