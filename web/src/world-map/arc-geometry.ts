export type Point = [number, number];

/**
 * An arc from `from` to `to` bowed to the left of its direction, so that A -> B and B -> A are two
 * arcs, not one line; to the same point, a loop above it. Returns the SVG path and the middle of
 * the curve, where the verdict's mark goes.
 */
export function arcBetween(from: Point, to: Point): { path: string; middle: Point } {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length < 1) {
    const loop = 34;
    return {
      path: `M ${x1} ${y1} C ${x1 - loop} ${y1 - loop * 1.4} ${x1 + loop} ${y1 - loop * 1.4} ${x1} ${y1}`,
      middle: [x1, y1 - loop * 1.05],
    };
  }
  const bow = Math.min(0.3 * length, 120);
  const control: Point = [(x1 + x2) / 2 + (dy / length) * bow, (y1 + y2) / 2 - (dx / length) * bow];
  return {
    path: `M ${x1} ${y1} Q ${control[0]} ${control[1]} ${x2} ${y2}`,
    middle: [0.25 * x1 + 0.5 * control[0] + 0.25 * x2, 0.25 * y1 + 0.5 * control[1] + 0.25 * y2],
  };
}
