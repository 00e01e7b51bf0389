// @ts-check
// A picture of the drawing for a report, as SVG or PNG: a title, what it shows and as of when, every actor's full
// name, the ties (assumed or inferred ones dashed, a highlighted route in colour) and the legend of the colours.
// Built as SVG elements (so names are text, never markup) and, for PNG, painted from that same SVG.

/** @typedef {import('./graph.js').DrawnNode} DrawnNode */
/** @typedef {import('./graph.js').DrawnEdge} DrawnEdge */
/** @typedef {{title: string, subtitle: string, nodes: DrawnNode[], edges: DrawnEdge[], legendTitle: string, legend: {label: string, colour: string}[], labels?: 'all' | 'largest'}} Picture */

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 1600;
const MARGIN = 40;
const HEAD = 90;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif';
const ROUTE = '#c2185b';

/**
 * @param {string} tag @param {Record<string, string | number>} attrs @param {string} [text]
 * @returns {SVGElement}
 */
function node(tag, attrs, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The picture as an SVG document (text). @param {Picture} picture */
export function svgOf(picture) {
  const xs = picture.nodes.map((n) => n.x);
  const ys = picture.nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 1), Math.min(...ys, 0), Math.max(...ys, 1)];
  // Room for the longest names on both sides, then the drawing scaled into the page's width.
  const labelRoom = 150;
  const scale = Math.min(2, (WIDTH - 2 * MARGIN - 2 * labelRoom) / Math.max(1, maxX - minX));
  const plotHeight = Math.max(300, (maxY - minY) * scale);
  const legendRows = Math.ceil(picture.legend.length / 4);
  const height = HEAD + plotHeight + 2 * MARGIN + 40 + legendRows * 24;
  /** @param {number} x */
  const px = (x) => MARGIN + labelRoom + (x - minX) * scale;
  /** @param {number} y */
  const py = (y) => HEAD + MARGIN + (y - minY) * scale;
  const svg = node('svg', { xmlns: SVG, width: WIDTH, height: Math.round(height), viewBox: `0 0 ${WIDTH} ${Math.round(height)}`, 'font-family': FONT });
  svg.append(node('rect', { x: 0, y: 0, width: WIDTH, height: Math.round(height), fill: '#ffffff' }));
  svg.append(node('text', { x: MARGIN, y: 40, 'font-size': 24, 'font-weight': 700, fill: '#1b1f24' }, picture.title));
  svg.append(node('text', { x: MARGIN, y: 68, 'font-size': 15, fill: '#47515c' }, picture.subtitle));
  const byId = new Map(picture.nodes.map((n) => [n.id, n]));
  const edges = node('g', { 'stroke-linecap': 'round' });
  for (const edge of [...picture.edges].sort((a, b) => Number(a.highlighted) - Number(b.highlighted))) {
    const [a, b] = [byId.get(edge.source), byId.get(edge.target)];
    if (!a || !b) continue;
    edges.append(node('line', {
      x1: px(a.x), y1: py(a.y), x2: px(b.x), y2: py(b.y), stroke: edge.highlighted ? ROUTE : '#9aa4ae', 'stroke-width': edge.highlighted ? 4 : 1.4,
      ...(edge.dashed ? { 'stroke-dasharray': '6 4' } : {}),
    }));
  }
  svg.append(edges);
  const nodes = node('g', {});
  const labels = node('g', { 'font-size': 12, fill: '#1b1f24', 'text-anchor': 'middle', stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' });
  const labelled = labelledNodes(picture);
  for (const n of picture.nodes) {
    const radius = Math.max(4, (n.size / 2) * Math.min(1, scale));
    nodes.append(node('circle', { cx: px(n.x), cy: py(n.y), r: radius, fill: n.colour, stroke: '#3a3f45', 'stroke-width': 1 }));
    if (labelled.has(n.id)) labels.append(node('text', { x: px(n.x), y: py(n.y) + radius + 13 }, n.label));
  }
  svg.append(nodes, labels);
  const legendTop = HEAD + plotHeight + 2 * MARGIN;
  svg.append(node('text', { x: MARGIN, y: legendTop, 'font-size': 14, 'font-weight': 700, fill: '#1b1f24' }, `${picture.legendTitle}:`));
  picture.legend.forEach((entry, index) => {
    const [column, row] = [index % 4, Math.floor(index / 4)];
    const x = MARGIN + column * ((WIDTH - 2 * MARGIN) / 4);
    const y = legendTop + 22 + row * 24;
    svg.append(node('circle', { cx: x + 7, cy: y - 5, r: 7, fill: entry.colour, stroke: '#3a3f45' }));
    svg.append(node('text', { x: x + 20, y, 'font-size': 14, fill: '#1b1f24' }, entry.label));
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Every name for a neighbourhood or a route; on a large overview only the best connected 150 (the rest would overlap). @param {Picture} picture */
function labelledNodes(picture) {
  if (picture.labels !== 'largest' || picture.nodes.length <= 150) return new Set(picture.nodes.map((n) => n.id));
  return new Set([...picture.nodes].sort((a, b) => b.size - a.size).slice(0, 150).map((n) => n.id));
}

/** The same picture as PNG (twice the SVG's pixels), painted by the browser from the SVG. @param {string} svgText @returns {Promise<Blob>} */
export function pngOf(svgText) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('this browser cannot paint a picture'));
        return;
      }
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded as PNG'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the picture could not be painted'));
    image.src = url;
  });
}
