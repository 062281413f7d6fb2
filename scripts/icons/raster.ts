/**
 * A tiny vector rasteriser: shapes are signed distance functions in unit coordinates (0..1 across the icon,
 * y down, negative inside), and each pixel's coverage is how far its centre lies inside the edge, in pixels.
 * That anti-aliases every edge the same way at 16 px and at 1024 px, from one drawing.
 */

/** Distance from (x, y) to the shape's edge, in icon units; negative inside. */
export type Sdf = (x: number, y: number) => number;
/** Straight-alpha colour: 0–255 channels, alpha 0–1. */
export type Colour = readonly [r: number, g: number, b: number, a: number];
export type Paint = Colour | ((x: number, y: number) => Colour);

export interface Canvas {
  readonly size: number;
  /** Premultiplied RGBA, 0–1, row-major. */
  readonly data: Float64Array;
}

export const newCanvas = (size: number): Canvas => ({ size, data: new Float64Array(size * size * 4) });

function coverage(distance: number, size: number): number {
  // NaN would silently punch a transparent hole (it did once, from a 0/0); fail loudly instead.
  if (Number.isNaN(distance)) throw new Error('raster: a shape returned NaN as its distance');
  return Math.min(1, Math.max(0, 0.5 - distance * size));
}

/** Paints `paint` over the canvas where `shape` is (source-over). */
export function fill(canvas: Canvas, shape: Sdf, paint: Paint): void {
  const { size, data } = canvas;
  for (let py = 0; py < size; py++) {
    const y = (py + 0.5) / size;
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const cover = coverage(shape(x, y), size);
      if (cover === 0) continue;
      const [r, g, b, a] = typeof paint === 'function' ? paint(x, y) : paint;
      const alpha = a * cover;
      const i = (py * size + px) * 4;
      data[i] = (r / 255) * alpha + data[i]! * (1 - alpha);
      data[i + 1] = (g / 255) * alpha + data[i + 1]! * (1 - alpha);
      data[i + 2] = (b / 255) * alpha + data[i + 2]! * (1 - alpha);
      data[i + 3] = alpha + data[i + 3]! * (1 - alpha);
    }
  }
}

/** Makes the canvas transparent where `shape` is (destination-out): cut-outs, and the gap around a badge. */
export function erase(canvas: Canvas, shape: Sdf): void {
  const { size, data } = canvas;
  for (let py = 0; py < size; py++) {
    const y = (py + 0.5) / size;
    for (let px = 0; px < size; px++) {
      const cover = coverage(shape((px + 0.5) / size, y), size);
      if (cover === 0) continue;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 4; c++) data[i + c] = data[i + c]! * (1 - cover);
    }
  }
}

/** 8-bit straight-alpha RGBA, what the encoders take. */
export function toRgba8(canvas: Canvas): Uint8Array {
  const out = new Uint8Array(canvas.size * canvas.size * 4);
  for (let i = 0; i < out.length; i += 4) {
    const a = canvas.data[i + 3]!;
    if (a <= 0) continue;
    for (let c = 0; c < 3; c++) out[i + c] = Math.round(Math.min(1, canvas.data[i + c]! / a) * 255);
    out[i + 3] = Math.round(Math.min(1, a) * 255);
  }
  return out;
}

// Shapes. Every function returns an Sdf in icon units.

export const circle = (cx: number, cy: number, r: number): Sdf => (x, y) => Math.hypot(x - cx, y - cy) - r;

/** A line from a to b, `width` thick, with round ends. */
export const segment = (ax: number, ay: number, bx: number, by: number, width: number): Sdf => (x, y) => {
  const ex = bx - ax;
  const ey = by - ay;
  const length2 = ex * ex + ey * ey;
  // A zero-length segment is a dot (and 0/0 would make every distance NaN).
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / length2));
  return Math.hypot(x - ax - ex * t, y - ay - ey * t) - width / 2;
};

/** A closed polygon (even-odd inside test, exact distance to its edges). */
export const polygon = (points: ReadonlyArray<readonly [number, number]>): Sdf => (x, y) => {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    const ex = xj - xi;
    const ey = yj - yi;
    if (ex === 0 && ey === 0) continue; // a repeated point adds no edge
    const t = Math.min(1, Math.max(0, ((x - xi) * ex + (y - yi) * ey) / (ex * ex + ey * ey)));
    d = Math.min(d, Math.hypot(x - xi - ex * t, y - yi - ey * t));
    if (yi > y !== yj > y && x < (ex * (y - yi)) / ey + xi) inside = !inside;
  }
  return inside ? -d : d;
};

/** An arc of a circle `width` thick, from angle a0 to a1 (radians, clockwise on screen), with round ends. */
export const arc = (cx: number, cy: number, r: number, width: number, a0: number, a1: number): Sdf => {
  const ends = [circle(cx + r * Math.cos(a0), cy + r * Math.sin(a0), width / 2), circle(cx + r * Math.cos(a1), cy + r * Math.sin(a1), width / 2)];
  return (x, y) => {
    let a = Math.atan2(y - cy, x - cx);
    while (a < a0) a += 2 * Math.PI;
    if (a <= a1) return Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
    return Math.min(ends[0]!(x, y), ends[1]!(x, y));
  };
};

export const roundedRect = (x0: number, y0: number, x1: number, y1: number, radius: number): Sdf => (x, y) => {
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  const qx = Math.abs(x - (x0 + x1) / 2) - hx;
  const qy = Math.abs(y - (y0 + y1) / 2) - hy;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};

export const union = (...shapes: Sdf[]): Sdf => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
export const grow = (shape: Sdf, by: number): Sdf => (x, y) => shape(x, y) - by;

/** Points along a quadratic Bézier from p0 to p2 (p0 excluded), for building outlines. */
export function quadratic(p0: readonly [number, number], p1: readonly [number, number], p2: readonly [number, number], steps: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0], u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1]]);
  }
  return out;
}
