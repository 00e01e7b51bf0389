// Exports: the drawing as PNG (rendered in the browser), the drawn subgraph as GraphML or GEXF (written by the API).
import { getBlob, query } from './api.js';
import { download, showError } from './dom.js';

export function exportPng(graph, status) {
  if (graph.isEmpty) {
    status.show('Nothing to export: the graph is empty.');
    return;
  }
  download(graph.png(), 'graphapi-view.png');
  status.show('Exported the view as PNG.');
}

export async function exportSubgraph(format, graph, status, errorNode) {
  if (graph.isEmpty) {
    status.show('Nothing to export: the graph is empty.');
    return;
  }
  const done = status.busy(`Exporting ${graph.nodeIds().length} actors as ${format}…`);
  try {
    const blob = await getBlob(`/api/export${query({ format, ids: graph.nodeIds().join(',') })}`);
    download(blob, `graphapi-subgraph.${format}`);
    done(`Exported the subgraph as ${format === 'gexf' ? 'GEXF' : 'GraphML'}.`);
  } catch (error) {
    showError(errorNode, `Export as ${format} failed: ${error.message}`);
    done('Export failed.');
  }
}
