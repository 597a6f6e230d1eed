// Two small SVG charts for the QA panel, drawn with lit's svg templates: no chart library.
import { html, svg } from 'lit';
import type { MoodLabel } from '../src/mood/types.js';

export const MOOD_COLORS: Record<MoodLabel, string> = {
  frustrated: '#e5484d',
  confused: '#f2a03d',
  disengaged: '#8b8fa8',
  neutral: '#b9b4a8',
  browsing: '#4a90d9',
  focused: '#30a46c',
  decisive: '#9b6cd1',
};

/** Lanes from the moods that call for help to the ones that do not. */
const LANES: MoodLabel[] = ['frustrated', 'confused', 'disengaged', 'neutral', 'browsing', 'focused', 'decisive'];

export interface MoodPoint {
  /** ms since the panel started. */
  t: number;
  mood: MoodLabel;
  confidence: number;
  action: string;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** A step chart of the session's mood over time; dot size is the confidence. */
export function moodTimeline(points: MoodPoint[], now: number) {
  const width = 360;
  const height = 168;
  const left = 74;
  const right = 10;
  const top = 8;
  const lane = 20;
  const span = Math.max(60_000, now);
  const x = (t: number) => left + ((width - left - right) * t) / span;
  const y = (mood: MoodLabel) => top + lane * LANES.indexOf(mood) + lane / 2;
  const path = points
    .map((p, i) => {
      const next = points[i + 1];
      const end = next ? next.t : now;
      return `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.mood)} H${x(end).toFixed(1)}`;
    })
    .join(' ');
  const label = points.length
    ? `Mood over time: ${points.map((p) => `${p.mood} at ${seconds(p.t)}`).join(', ')}`
    : 'Mood over time: no reading yet';
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * span);
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label=${label}>
    ${LANES.map(
      (mood) => svg`<text x=${left - 8} y=${y(mood) + 4} text-anchor="end" class="lane">${mood}</text>
        <line x1=${left} x2=${width - right} y1=${y(mood)} y2=${y(mood)} class="grid"></line>`,
    )}
    ${ticks.map((t) => svg`<text x=${x(t)} y=${height - 4} text-anchor="middle" class="tick">${seconds(t)}</text>`)}
    <path d=${path} class="step"></path>
    ${points.map(
      (p) => svg`<circle cx=${x(p.t)} cy=${y(p.mood)} r=${3 + p.confidence * 4} fill=${MOOD_COLORS[p.mood]}>
        <title>${p.mood} (${Math.round(p.confidence * 100)}%) at ${seconds(p.t)} → ${p.action}</title>
      </circle>`,
    )}
  </svg>`;
}

export interface Distribution {
  total_sessions: number;
  feedback_count: number;
  mood_distribution: { mood: MoodLabel; count: number; percentage: number }[];
}

/** Horizontal bars: how many of the key's sessions are in each mood now (GET /v1/analytics/moods). */
export function distributionBars(data: Distribution) {
  const width = 360;
  const row = 22;
  const left = 74;
  const labelWidth = 70;
  const rows = [...data.mood_distribution].sort((a, b) => LANES.indexOf(a.mood) - LANES.indexOf(b.mood));
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barSpace = width - left - labelWidth;
  const label = `Mood distribution over ${data.total_sessions} sessions: ${rows
    .map((r) => `${r.mood} ${r.count} (${r.percentage}%)`)
    .join(', ')}`;
  return html`<svg class="chart" viewBox="0 0 ${width} ${rows.length * row + 4}" role="img" aria-label=${label}>
    ${rows.map((r, i) => {
      const w = (barSpace * r.count) / max;
      const cy = i * row + row / 2 + 2;
      return svg`<text x=${left - 8} y=${cy + 4} text-anchor="end" class="lane">${r.mood}</text>
        <rect x=${left} y=${cy - 7} width=${Math.max(w, r.count ? 2 : 0)} height="14" rx="3"
          fill=${MOOD_COLORS[r.mood]}></rect>
        <text x=${left + w + 6} y=${cy + 4} class="value">${r.count} · ${r.percentage}%</text>`;
    })}
  </svg>`;
}
