// What the page knows about the graph beyond what is drawn: actors seen so far, and cached analyses.
import { getJson, idOf, query } from './api.js';

const PAGE = 500;
const MAX_PAGES = 20;

/** Actors by id, filled from search results, neighbourhoods and single look-ups, so names can be shown anywhere. */
export class ActorDirectory {
  constructor() { this.byId = new Map(); }

  remember(actor) {
    if (actor?.id) this.byId.set(actor.id, { ...this.byId.get(actor.id), ...actor });
  }

  nameOf(id) { return this.byId.get(id)?.name ?? id; }

  /** The actors with these ids, fetching the ones not seen yet. */
  async ensure(ids, signal) {
    const missing = [...new Set(ids)].filter((id) => id && !this.byId.get(id)?.kind);
    const fetched = await Promise.all(missing.map((id) => getJson(`/api/actors/${encodeURIComponent(id)}`, { signal })));
    fetched.forEach((actor) => this.remember(actor));
    return ids.map((id) => this.byId.get(id));
  }
}

/** The analysis endpoints, each computed once per page load and parameter set (the graph is read-only here). */
export class Analysis {
  constructor() { this.cache = new Map(); }

  cached(key, load) {
    if (!this.cache.has(key)) {
      const pending = load();
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return this.cache.get(key);
  }

  brokerage(partition, directed, asOf = null) {
    return this.cached(`brokerage:${partition}:${directed}:${asOf}`, () =>
      allItems('/api/analysis/brokerage', { partition, directed, sort: 'total', asOf }));
  }

  betweenness(asOf = null) {
    return this.cached(`betweenness:${asOf}`, async () => {
      const items = await allItems('/api/analysis/centrality', { measures: 'degree,betweenness', asOf });
      return new Map(items.map((item) => [item.actor, item.betweenness ?? 0]));
    });
  }

  /** Map actor id → community (Leiden at the API's defaults: resolution 1, seed 42). */
  communities() {
    return this.cached('communities', async () => {
      const items = await allItems('/api/analysis/communities', {});
      return new Map(items.map((item) => [item.actor, item.community]));
    });
  }

  gateways(from, to, asOf = null) {
    return this.cached(`gateways:${from}:${to}:${asOf}`, () => getJson(`/api/analysis/gateways${query({ from, to, top: 20, asOf })}`));
  }
}

/** Every item of a paged list ({items, total}). */
async function allItems(path, params) {
  const items = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await getJson(`${path}${query({ ...params, limit: PAGE, offset: items.length })}`);
    const batch = answer.items ?? [];
    items.push(...batch);
    if (batch.length === 0 || typeof answer.total !== 'number' || items.length >= answer.total) break;
  }
  return items;
}

/** {nodes: actors, edges: relationships} from the neighbourhood answer; nodes may be actors or {actor, depth}. */
export function neighbourhoodOf(answer) {
  const nodes = (answer.nodes ?? []).map((node) =>
    (node.actor && typeof node.actor === 'object' ? { ...node.actor, depth: node.depth } : node));
  const edges = (answer.edges ?? []).map((edge) => {
    const relationship = edge.relationship && typeof edge.relationship === 'object' ? edge.relationship : edge;
    return { ...relationship, source: idOf(relationship.source), target: idOf(relationship.target) };
  });
  return { nodes, edges };
}
