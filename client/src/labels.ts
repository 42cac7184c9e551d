/**
 * Node labels that do not write over each other. Sigma's label grid picks at most a few labels per
 * cell, but long labels (an FIR's police station, a phone number) still run into their neighbours;
 * this drawer keeps the boxes drawn in the current frame and skips a label that would overlap one.
 * Sigma draws grid labels (largest first within a cell) before forced ones, so larger entities win.
 * Each label gets a white halo so it stays legible over edges.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export function createLabelDrawer<N extends Attributes, E extends Attributes, G extends Attributes>(
  halo = '#ffffff',
): { draw: NodeLabelDrawingFunction<N, E, G>; attach: (sigma: Sigma<N, E, G>) => void } {
  let drawn: Box[] = [];
  const draw: NodeLabelDrawingFunction<N, E, G> = (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const x = data.x + data.size + 4;
    const y = data.y + size / 3;
    const box = {
      left: x - 2,
      top: data.y - size / 2 - 2,
      right: x + context.measureText(data.label).width + 2,
      bottom: data.y + size / 2 + 2,
    };
    if (drawn.some((other) => overlaps(box, other))) return;
    drawn.push(box);
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = halo;
    context.strokeText(data.label, x, y);
    context.fillStyle = settings.labelColor.color ?? '#000';
    context.fillText(data.label, x, y);
  };
  return { draw, attach: (sigma) => sigma.on('beforeRender', () => (drawn = [])) };
}
