// @ts-check
// What the page knows beyond what is drawn: actors seen so far, and analyses already asked for (each computed once
// per page load and question: the graph is read-only here).
import { api, data } from './api.js';

/** @typedef {import('./types.js').ActorSummary} ActorSummary */
/** @typedef {import('./types.js').BrokerageItem} BrokerageItem */
/** @typedef {import('./types.js').CommunityPage} CommunityPage */
/** @typedef {import('./types.js').GatewayPage} GatewayPage */
/** @typedef {import('./types.js').Schemas['CentralityPage']} CentralityPage */

const PAGE = 500;

/** Actors by id, filled from search results, neighbourhoods and single look-ups, so names can be shown anywhere. */
export class ActorDirectory {
  constructor() {
    /** @type {Map<string, ActorSummary>} */
    this.byId = new Map();
  }

  /** @param {ActorSummary} actor */
  remember(actor) {
    this.byId.set(actor.id, { ...this.byId.get(actor.id), ...actor });
  }

  /** @param {string} id */
  nameOf(id) { return this.byId.get(id)?.name ?? id; }

  /** What is known of an actor (at least its id as its name). @param {string} id @returns {ActorSummary} */
  summary(id) { return this.byId.get(id) ?? { id, name: id }; }

  /**
   * The actors with these ids, fetching the ones whose kind is not known yet.
   * @param {string[]} ids @param {AbortSignal} [signal]
   * @returns {Promise<ActorSummary[]>}
   */
  async ensure(ids, signal) {
    const missing = [...new Set(ids)].filter((id) => !this.byId.get(id)?.kind);
    const fetched = await Promise.all(missing.map((id) => data(api.GET('/api/actors/{id}', { params: { path: { id } }, signal }))));
    fetched.forEach((actor) => this.remember(actor));
    return ids.map((id) => this.summary(id));
  }
}

/** The analysis endpoints the drawing colours and sizes by, each asked once per question and scope. */
export class Analysis {
  /** @param {() => 'workspace' | undefined} scope the page's analyses' scope: the public network (undefined) or with our ties */
  constructor(scope = () => undefined) {
    /** @type {Map<string, Promise<unknown>>} */
    this.cache = new Map();
    this.scope = scope;
  }

  /** Forgets every answer: the caller changed, so "with our ties" means other ties. */
  clear() { this.cache.clear(); }

  /**
   * @template T
   * @param {string} key @param {() => Promise<T>} load
   * @returns {Promise<T>}
   */
  cached(key, load) {
    if (!this.cache.has(key)) {
      const pending = load();
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return /** @type {Promise<T>} */ (this.cache.get(key));
  }

  /**
   * Every actor's brokerage roles (the whole table: the dataset is far below one page of 500).
   * @param {import('./types.js').Partition} partition @param {boolean} directed @param {string | null} asOf
   * @returns {Promise<BrokerageItem[]>}
   */
  brokerage(partition, directed, asOf) {
    const scope = this.scope();
    return this.cached(`brokerage:${partition}:${directed}:${asOf}:${scope}`, async () =>
      (await data(api.GET('/api/analysis/brokerage', { params: { query: { partition, directed, sort: 'total', asOf: asOf ?? undefined, limit: PAGE, scope } } }))).items);
  }

  /** Degree and betweenness of every actor, highest betweenness first. @param {string | null} asOf @returns {Promise<CentralityPage>} */
  centrality(asOf) {
    const scope = this.scope();
    return this.cached(`centrality:${asOf}:${scope}`, () =>
      data(api.GET('/api/analysis/centrality', { params: { query: { measures: ['degree', 'betweenness'], sort: 'betweenness', asOf: asOf ?? undefined, limit: PAGE, scope } } })));
  }

  /** Map actor id → betweenness. @param {string | null} asOf @returns {Promise<Map<string, number>>} */
  async betweenness(asOf) {
    const page = await this.centrality(asOf);
    return new Map(page.items.map((item) => [item.actor, item.betweenness ?? 0]));
  }

  /** Communities (Leiden at the API's defaults) with their summaries and bridges. @param {string | null} asOf @returns {Promise<CommunityPage>} */
  communities(asOf) {
    const scope = this.scope();
    return this.cached(`communities:${asOf}:${scope}`, () =>
      data(api.GET('/api/analysis/communities', { params: { query: { asOf: asOf ?? undefined, limit: PAGE, top: PAGE, scope } } })));
  }

  /** @param {string} from @param {string} to @param {string | null} asOf @returns {Promise<GatewayPage>} */
  gateways(from, to, asOf) {
    const scope = this.scope();
    return this.cached(`gateways:${from}:${to}:${asOf}:${scope}`, () =>
      data(api.GET('/api/analysis/gateways', { params: { query: { from, to, top: 20, asOf: asOf ?? undefined, scope } } })));
  }
}
