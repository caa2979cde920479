import { PNG } from 'pngjs';

/**
 * The Teams app icons drawn from simple geometry (an envelope with a return arrow: a bounced message), so
 * they are reproducible from source: scripts/makeIcons.ts writes them to manifest/, and a test checks the
 * committed files still match.
 */

type Rgba = readonly [number, number, number, number];
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgba;
}

export const ACCENT = '#0f6cbd';
const BLUE: Rgba = [0x0f, 0x6c, 0xbd, 255];
const ORANGE: Rgba = [0xf7, 0x63, 0x0c, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => {
  const inner = rect(x0 + r, y0 + r, x1 - r, y1 - r);
  return (x, y) => {
    if (!rect(x0, y0, x1, y1)(x, y)) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return inner(x, y) || (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
};

/** A thick line with round ends, so joined segments meet without gaps. */
const stroke =
  (ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };

const triangle = (points: readonly [number, number][]): Shape => {
  const [[ax, ay], [bx, by], [cx, cy]] = points;
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number): number =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s = [side(ax, ay, bx, by, x, y), side(bx, by, cx, cy, x, y), side(cx, cy, ax, ay, x, y)];
    return s.every((v) => v >= 0) || s.every((v) => v <= 0);
  };
};

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

/**
 * Paints the layers (last on top) with `samples`² sub-pixel samples per pixel. With `binaryAlpha` a pixel
 * is either opaque or fully transparent, which the outline icon needs (white and transparent only).
 */
function rasterize(size: number, layers: Layer[], samples: number, binaryAlpha: boolean): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          const top = [...layers].reverse().find((layer) => layer.shape(x, y));
          const color = top?.color ?? CLEAR;
          // Premultiplied, so transparent samples do not darken the edges.
          r += color[0] * color[3];
          g += color[1] * color[3];
          b += color[2] * color[3];
          a += color[3];
        }
      }
      const n = samples * samples;
      const alpha = binaryAlpha ? (a / n >= 128 ? 255 : 0) : Math.round(a / n);
      const offset = (py * size + px) * 4;
      png.data[offset] = a === 0 || alpha === 0 ? 0 : Math.round(r / a);
      png.data[offset + 1] = a === 0 || alpha === 0 ? 0 : Math.round(g / a);
      png.data[offset + 2] = a === 0 || alpha === 0 ? 0 : Math.round(b / a);
      png.data[offset + 3] = alpha;
    }
  }
  return png;
}

/** 192×192 full-colour icon: white envelope on the accent colour, orange "returned" badge. */
export function drawColorIcon(): PNG {
  const flap = union(stroke(36, 56, 90, 98, 5), stroke(90, 98, 144, 56, 5));
  const arrow = union(
    triangle([
      [116, 124],
      [134, 110],
      [134, 138],
    ]),
    stroke(130, 124, 153, 124, 5),
    stroke(153, 124, 153, 150, 5),
  );
  return rasterize(
    192,
    [
      { shape: rect(0, 0, 192, 192), color: BLUE },
      { shape: roundedRect(26, 46, 154, 138, 10), color: WHITE },
      { shape: flap, color: BLUE },
      { shape: circle(142, 132, 42), color: BLUE },
      { shape: circle(142, 132, 35), color: ORANGE },
      { shape: arrow, color: WHITE },
    ],
    4,
    false,
  );
}

/** 32×32 outline icon: the same picture as white strokes on transparency. */
export function drawOutlineIcon(): PNG {
  const envelope = rect(1, 3, 27, 22);
  const envelopeInside = rect(3, 5, 25, 20);
  const flap = union(stroke(3.5, 5.5, 14, 13.5, 1), stroke(14, 13.5, 24.5, 5.5, 1));
  const arrow = union(
    triangle([
      [14, 24.5],
      [20, 19.5],
      [20, 29.5],
    ]),
    stroke(19, 24.5, 28.5, 24.5, 1.1),
    stroke(28.5, 24.5, 28.5, 31, 1.1),
  );
  return rasterize(
    32,
    [
      { shape: envelope, color: WHITE },
      { shape: envelopeInside, color: CLEAR },
      { shape: flap, color: WHITE },
      { shape: union(rect(12, 17, 32, 32), circle(21.5, 24.5, 9.5)), color: CLEAR },
      { shape: arrow, color: WHITE },
    ],
    4,
    true,
  );
}
