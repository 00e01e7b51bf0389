// @ts-check
// Exports: the drawing in front (graph or overview) as a picture for a report, SVG or PNG, with a title, what it shows
// and as of when, every actor's full name and the legend (picture.js); the drawn subgraph as GraphML or GEXF (written
// by the API for the drawn actors' ids).
import { api, data } from './api.js';
import { download, fileName } from './dom.js';
import { colourings, legendEntries } from './palette.js';
import { pngOf, svgOf } from './picture.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./graph.js').GraphView} GraphView */
/** @typedef {import('./latest-request.js').LatestRequest} LatestRequest */
/** @typedef {import('./picture.js').Picture} Picture */

/** What the picture shows, for its title. @param {Explorer} app */
function titleOf(app) {
  if (app.overview.visible) return 'Overview of the network';
  const route = app.routes.selected >= 0 && app.graph?.highlighted().nodes.length ? app.routes.routes[app.routes.selected] : null;
  if (route) return `Introduction route #${app.routes.selected + 1}: ${app.actors.nameOf(route.actors[0])} → ${app.actors.nameOf(route.target)}`;
  if (app.landing.shown) return 'The whole network';
  const origins = [...app.drawn.keys()].map((id) => app.actors.nameOf(id));
  return origins.length > 0 ? `Neighbourhood of ${origins.join(', ')}` : 'The drawn actors';
}

/** The picture of the drawing in front, or null when nothing is drawn. @param {Explorer} app @returns {Picture | null} */
export function pictureOf(app) {
  const drawing = app.overview.visible ? app.overview.view.drawing() : app.graph?.drawing();
  if (!drawing || drawing.nodes.length === 0) return null;
  const colouring = colourings(app.catalogues.kinds, app.catalogues.regions)[app.colour];
  const values = app.overview.visible ? app.overview.view.legendValues() : app.graph?.legendValues() ?? [];
  const asOf = app.overview.visible ? 'every tie (the overview ignores the as-of date)' : app.asOf ? `as of ${app.asOf}` : 'all dates (every tie)';
  const ties = drawing.edges.length;
  return {
    title: titleOf(app),
    subtitle: `${drawing.nodes.length} actors, ${ties} ties drawn · ${asOf} · coloured by ${colouring.title.toLowerCase()} · GraphApi, ${new Date().toISOString().slice(0, 10)}`,
    nodes: drawing.nodes,
    edges: drawing.edges,
    legendTitle: colouring.title,
    legend: legendEntries(colouring, values),
    labels: app.overview.visible ? 'largest' : 'all',
  };
}

/** Downloads the picture as SVG or PNG. @param {'svg' | 'png'} format @param {Explorer} app */
export async function exportPicture(format, app) {
  const picture = pictureOf(app);
  if (!picture) {
    app.status.show('Nothing to export: nothing is drawn.');
    return;
  }
  await app.graphRequests.run({ busy: `Exporting the picture as ${format.toUpperCase()}…`, failed: 'Export failed.' }, async () => {
    const svg = svgOf(picture);
    const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await pngOf(svg);
    download(blob, fileName(picture.title, format));
    return `Exported “${picture.title}” as ${format.toUpperCase()}.`;
  });
}

/** Downloads the drawn actors and their ties as GraphML or GEXF. @param {'graphml' | 'gexf'} format @param {GraphView} graph @param {LatestRequest} requests */
export async function exportSubgraph(format, graph, requests) {
  if (graph.isEmpty) {
    requests.status.show('Nothing to export: the graph is empty.');
    return;
  }
  const ids = graph.nodeIds();
  const name = format === 'gexf' ? 'GEXF' : 'GraphML';
  await requests.run({ busy: `Exporting ${ids.length} actors as ${name}…`, failed: 'Export failed.', explain: (error) => `Export as ${name} failed: ${error.message}` }, async (signal) => {
    const blob = /** @type {Blob} */ (await data(/** @type {Promise<{data?: unknown, error?: unknown, response: Response}>} */ (
      api.GET('/api/export', { params: { query: { format, ids: ids.join(',') } }, parseAs: 'blob', signal }))));
    download(blob, `graphapi-subgraph.${format}`);
    return `Exported the subgraph as ${name}.`;
  });
}
