import type { BenchResult } from './run-bench';

/**
 * The bench's picture, as SVG: for each size, the distribution of a person's answer time on the
 * three paths (the hand-written SQL peer, the direct path, GraphQL) as cumulative curves on a
 * logarithmic time axis; and, when several sizes ran, how each path's p50 scales with the map.
 */
export function latencyChart(results: readonly BenchResult[]): string {
  const panels = results.map((result, n) => distributionPanel(result, n * PANEL.height));
  const scaling = results.length > 1 ? scalingPanel(results, results.length * PANEL.height) : '';
  const height = results.length * PANEL.height + (scaling ? PANEL.height : 0);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PANEL.width}" height="${height}" viewBox="0 0 ${PANEL.width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels,
    scaling,
    '</svg>',
  ].join('\n');
}

const PANEL = { width: 720, height: 300, left: 60, right: 170, top: 36, bottom: 44 };

const PATHS = [
  { key: 'peer', label: 'SQL peer (no judgement)', colour: '#7f7f7f', dash: '6 3' },
  { key: 'direct', label: 'direct path (SQL + engine)', colour: '#1f77b4', dash: '' },
  { key: 'graphql', label: 'GraphQL over HTTP', colour: '#d62728', dash: '' },
] as const;

interface Frame {
  x: (value: number) => number;
  y: (value: number) => number;
  top: number;
  bottom: number;
}

function frameOf(offsetY: number, xMin: number, xMax: number, yMax: number, logX: boolean): Frame {
  const left = PANEL.left;
  const right = PANEL.width - PANEL.right;
  const top = offsetY + PANEL.top;
  const bottom = offsetY + PANEL.height - PANEL.bottom;
  const scale = logX ? Math.log10 : (value: number) => value;
  const [from, to] = [scale(xMin), scale(xMax)];
  return {
    x: (value) => left + ((scale(value) - from) / (to - from || 1)) * (right - left),
    y: (value) => bottom - (value / yMax) * (bottom - top),
    top,
    bottom,
  };
}

function distributionPanel(result: BenchResult, offsetY: number): string {
  const samples = result.peerComparison.samplesMs;
  const all = [...samples.peer, ...samples.direct, ...samples.graphql].filter((value) => value > 0);
  if (all.length === 0) return text(PANEL.left, offsetY + PANEL.top, `${result.size}: no answers timed`);
  const xMin = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const xMax = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const frame = frameOf(offsetY, xMin, xMax, 1, true);
  const parts = [
    text(PANEL.left, offsetY + 20, `${result.size}: ${result.peerComparison.persons} persons, each asked of all three paths in turn; share of answers faster than t`, 'bold'),
  ];
  for (let decade = xMin; decade <= xMax; decade *= 10) {
    parts.push(line(frame.x(decade), frame.top, frame.x(decade), frame.bottom, '#ddd'));
    parts.push(text(frame.x(decade), frame.bottom + 16, `${decade} ms`, 'normal', 'middle'));
  }
  for (const share of [0, 0.5, 0.99, 1]) {
    parts.push(line(PANEL.left, frame.y(share), PANEL.width - PANEL.right, frame.y(share), '#eee'));
    parts.push(text(PANEL.left - 6, frame.y(share) + 4, share === 0.99 ? 'p99' : share === 0.5 ? 'p50' : `${share * 100}%`, 'normal', 'end'));
  }
  PATHS.forEach((path, n) => {
    const sorted = [...samples[path.key]].sort((a, b) => a - b);
    const points = sorted.map((value, i) => `${frame.x(Math.max(value, xMin)).toFixed(1)},${frame.y((i + 1) / sorted.length).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${path.colour}" stroke-width="1.8" stroke-dasharray="${path.dash}" points="${points.join(' ')}"/>`);
    parts.push(legend(offsetY, n, path, `p50 ${formatMs(result.peerComparison[path.key].p50Ms)}, p99 ${formatMs(result.peerComparison[path.key].p99Ms)}`));
  });
  parts.push(text(PANEL.left, frame.bottom + 34, 'answer time, ms (log scale)'));
  return parts.join('\n');
}

function scalingPanel(results: readonly BenchResult[], offsetY: number): string {
  const p50 = (result: BenchResult, key: (typeof PATHS)[number]['key']): number => result.peerComparison[key].p50Ms;
  const yMax = Math.max(...results.flatMap((result) => PATHS.map((path) => p50(result, path.key))).filter(Number.isFinite), 0.001) * 1.15;
  const frame = frameOf(offsetY, 0, results.length - 1, yMax, false);
  const parts = [text(PANEL.left, offsetY + 20, 'p50 of a person’s answer as the map grows (same persons on each path)', 'bold')];
  results.forEach((result, i) => {
    parts.push(line(frame.x(i), frame.top, frame.x(i), frame.bottom, '#ddd'));
    parts.push(text(frame.x(i), frame.bottom + 16, `${result.size}: ${result.metrics.flows.toLocaleString('en-US')} flows`, 'normal', 'middle'));
  });
  for (const fraction of [0, 0.5, 1]) {
    const value = (fraction * yMax) / 1.15;
    parts.push(line(PANEL.left, frame.y(value), PANEL.width - PANEL.right, frame.y(value), '#eee'));
    parts.push(text(PANEL.left - 6, frame.y(value) + 4, formatMs(value), 'normal', 'end'));
  }
  PATHS.forEach((path, n) => {
    const points = results.map((result, i) => `${frame.x(i).toFixed(1)},${frame.y(p50(result, path.key)).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${path.colour}" stroke-width="1.8" stroke-dasharray="${path.dash}" points="${points.join(' ')}"/>`);
    parts.push(legend(offsetY, n, path, ''));
  });
  return parts.join('\n');
}

function legend(offsetY: number, n: number, path: (typeof PATHS)[number], detail: string): string {
  const x = PANEL.width - PANEL.right + 12;
  const y = offsetY + PANEL.top + 10 + n * 40;
  return [
    line(x, y, x + 22, y, path.colour, path.dash),
    text(x + 28, y + 4, path.label),
    detail ? text(x + 28, y + 19, detail, 'normal', 'start', '#555') : '',
  ].join('\n');
}

function line(x1: number, y1: number, x2: number, y2: number, colour: string, dash = ''): string {
  return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${dash}"/>`;
}

function text(x: number, y: number, content: string, weight = 'normal', anchor = 'start', fill = '#222'): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}">${escapeXml(content)}</text>`;
}

function escapeXml(content: string): string {
  return content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}
