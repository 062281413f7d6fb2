/**
 * The Forewarn marks, drawn with scripts/icons/raster.ts. The tray icon is a calm shield with clock hands; any
 * status that asks for attention adds a badge whose SHAPE says what it means (clock, dot, arrow-circle,
 * exclamation, cross), so it reads the same for colour-blind people and in macOS's black-only template images.
 */
import type { PlanStatus } from '../../core/policy/types.js';
import { arc, circle, type Colour, erase, fill, grow, newCanvas, polygon, quadratic, roundedRect, segment, type Sdf, toRgba8, union } from './raster.js';

export type TrayStyle = 'colour' | 'template';

const WHITE: Colour = [255, 255, 255, 1];
const BLACK: Colour = [0, 0, 0, 1];
const SHIELD_BLUE: Colour = [37, 99, 166, 1];

/** What each status adds to the shield. Colours back the shapes up; they never carry the meaning alone. */
export const BADGES: Readonly<Record<PlanStatus, { glyph: 'none' | 'clock' | 'dot' | 'arrow-circle' | 'exclamation' | 'cross'; colour: Colour }>> = {
  idle: { glyph: 'none', colour: SHIELD_BLUE }, // nothing to do: the plain mark, no badge
  upcoming: { glyph: 'clock', colour: [14, 116, 144, 1] }, // maintenance is planned
  'action-needed': { glyph: 'dot', colour: [217, 119, 6, 1] }, // a notice to read or a choice to make
  'restart-pending': { glyph: 'arrow-circle', colour: [194, 65, 12, 1] }, // a restart is due
  overdue: { glyph: 'exclamation', colour: [220, 38, 38, 1] }, // past the deadline
  error: { glyph: 'cross', colour: [82, 82, 91, 1] }, // the agent itself cannot work (config, trust, network)
};

export const TRAY_STATUSES = Object.keys(BADGES) as PlanStatus[];

type Box = { x0: number; y0: number; x1: number; y1: number };

/** The shield outline inside `box`, as a polygon with softly rounded corners. */
function shield(box: Box): Sdf {
  const inset = 0.03 * (box.x1 - box.x0);
  const map = ([u, v]: readonly [number, number]): [number, number] =>
    [box.x0 + inset + u * (box.x1 - box.x0 - 2 * inset), box.y0 + inset + v * (box.y1 - box.y0 - 2 * inset)];
  const outline: Array<readonly [number, number]> = [
    [0.5, 0], [1, 0.13], [1, 0.5],
    ...quadratic([1, 0.5], [1, 0.83], [0.5, 1], 16),
    ...quadratic([0.5, 1], [0, 0.83], [0, 0.5], 16),
    [0, 0.13],
  ];
  return grow(polygon(outline.map(map)), inset);
}

/** Two clock hands (twelve and three o'clock) centred in the shield. */
function clockHands(box: Box, width: number): Sdf {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const cx = box.x0 + 0.5 * w;
  const cy = box.y0 + 0.47 * h;
  return union(segment(cx, cy, cx, cy - 0.26 * h, width), segment(cx, cy, cx + 0.22 * w, cy, width));
}

/** The badge's glyph, in badge units (centre 0,0, radius 1) mapped to the icon. */
function glyph(kind: (typeof BADGES)[PlanStatus]['glyph'], cx: number, cy: number, r: number): Sdf | undefined {
  const p = (u: number, v: number): [number, number] => [cx + u * r, cy + v * r];
  const stroke = 0.24 * r;
  switch (kind) {
    case 'clock':
      return union(segment(...p(0, 0.08), ...p(0, -0.55), stroke), segment(...p(0, 0.08), ...p(0.45, 0.08), stroke));
    case 'exclamation':
      return union(segment(...p(0, -0.55), ...p(0, 0.12), stroke * 1.1), circle(...p(0, 0.52), 0.15 * r));
    case 'cross':
      return union(segment(...p(-0.4, -0.4), ...p(0.4, 0.4), stroke), segment(...p(-0.4, 0.4), ...p(0.4, -0.4), stroke));
    case 'arrow-circle': {
      const a0 = -Math.PI / 2 + 0.9;
      const a1 = (3 * Math.PI) / 2 - 0.45;
      const ring = 0.5;
      const [ex, ey] = [Math.cos(a1) * ring, Math.sin(a1) * ring];
      const [tx, ty] = [-Math.sin(a1), Math.cos(a1)]; // clockwise tangent at the arrow's end
      const [nx, ny] = [Math.cos(a1), Math.sin(a1)];
      const head = polygon([p(ex + tx * 0.5, ey + ty * 0.5), p(ex + nx * 0.36, ey + ny * 0.36), p(ex - nx * 0.36, ey - ny * 0.36)]);
      return union(arc(cx, cy, ring * r, stroke, a0, a1), head);
    }
    case 'dot':
    case 'none':
      return undefined;
  }
}

/** A tray icon, `size` px square: colour for Windows and Linux, template (black + alpha only) for macOS. */
export function trayIcon(status: PlanStatus, size: number, style: TrayStyle): Uint8Array {
  const canvas = newCanvas(size);
  const badge = BADGES[status];
  const ink = style === 'template' ? BLACK : undefined;
  const box: Box = badge.glyph === 'none' ? { x0: 0.1, y0: 0.03, x1: 0.9, y1: 0.97 } : { x0: 0.0, y0: 0.0, x1: 0.74, y1: 0.88 };
  const handWidth = Math.max(0.1, 1.5 / size); // never thinner than 1.5 px, or the hands vanish at 16 px
  fill(canvas, shield(box), ink ?? SHIELD_BLUE);
  if (badge.glyph === 'none') {
    // The calm mark carries clock hands; with a badge the shield stays plain, so the two never collide.
    if (style === 'template') erase(canvas, clockHands(box, handWidth));
    else fill(canvas, clockHands(box, handWidth), WHITE);
  } else {
    const [cx, cy, r] = [0.71, 0.71, 0.29];
    erase(canvas, circle(cx, cy, r + 0.07)); // a clear gap, so the badge reads as its own shape
    fill(canvas, circle(cx, cy, r), ink ?? badge.colour);
    const mark = glyph(badge.glyph, cx, cy, r);
    if (mark && style === 'template') erase(canvas, mark);
    else if (mark) fill(canvas, mark, badge.glyph === 'dot' ? badge.colour : WHITE);
  }
  return toRgba8(canvas);
}

/** The application icon: a white shield with a clock on a blue rounded square. */
export function appIcon(size: number): Uint8Array {
  const canvas = newCanvas(size);
  const top: Colour = [59, 130, 196, 1];
  const bottom: Colour = [29, 78, 137, 1];
  const gradient = (_x: number, y: number): Colour => [0, 1, 2].map((c) => top[c]! + (bottom[c]! - top[c]!) * y).concat(1) as unknown as Colour;
  fill(canvas, roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), gradient);
  const box: Box = { x0: 0.25, y0: 0.19, x1: 0.75, y1: 0.81 };
  fill(canvas, shield(box), WHITE);
  const [cx, cy] = [0.5, box.y0 + 0.47 * (box.y1 - box.y0)];
  const stroke = Math.max(0.035, 1.5 / size);
  fill(canvas, grow((x, y) => Math.abs(Math.hypot(x - cx, y - cy) - 0.14), stroke / 2), SHIELD_BLUE);
  fill(canvas, union(segment(cx, cy, cx, cy - 0.09, stroke), segment(cx, cy, cx + 0.07, cy, stroke)), SHIELD_BLUE);
  return toRgba8(canvas);
}
