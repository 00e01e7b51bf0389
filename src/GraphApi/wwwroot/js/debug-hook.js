// @ts-check
// A read-only view of the page for the browser tests and for curious people at the console (window.graphApiExplorer).

/** @typedef {import('./explorer.js').Explorer} Explorer */

/** A read-only view for browser tests and for curious people at the console. @param {Explorer} explorer */
export function exposeDebugHook(explorer) {
  const hook = {
    get libraryLoaded() { return explorer.graph !== null; },
    nodeIds: () => explorer.graph?.nodeIds() ?? [],
    edgeCount: () => explorer.graph?.cy.edges().length ?? 0,
    edgeIds: () => explorer.graph?.cy.edges().map((edge) => edge.data('tie')?.id ?? edge.id()) ?? [],
    asOf: () => explorer.asOf,
    asOfYears: () => [...explorer.asOfSlider.years],
    landing: () => explorer.landing.shown,
    highlighted: () => explorer.graph?.highlighted() ?? { nodes: [], edges: [] },
    inView: () => explorer.graph?.inView() ?? null,
    emphasised: () => explorer.graph?.emphasised() ?? [],
    routes: () => explorer.routes.routes.map((route) => ({ target: route.target, hops: route.hops, score: route.score, actors: [...route.actors] })),
    selectedRoute: () => explorer.routes.selected,
    ledger: () => explorer.ledger.asks.map((ask) => ({ id: ask.id, status: ask.status, path: [...ask.path], timeline: ask.timeline.map((e) => e.type) })),
    whatIf: () => explorer.whatIf.candidates.map((candidate) => ({ actor: candidate.actor.id, gain: candidate.gain, actors: [...candidate.shown.actors] })),
    rolesCompared: () => [...explorer.rolesChart.actors],
    workspace: () => explorer.who.workspace,
    scope: () => explorer.scope,
    privateDrawn: () => explorer.graph?.privateDrawn() ?? { ties: [], actors: [] },
    brokerage: () => explorer.brokerage.items.map((item) => ({ actor: item.actor, total: item.total })),
    overview: () => explorer.overview.view.summary(),
    overviewPrivate: () => explorer.overview.view.privateDrawn(),
    overviewPaintedPixels: () => explorer.overview.view.paintedPixels(),
    /** @param {string} id */
    overviewNodePosition: (id) => explorer.overview.view.nodePosition(id),
    nodeColours: () => Object.fromEntries(explorer.graph?.cy.nodes().map((n) => [n.id(), n.data('colour')]) ?? []),
    /** @param {string} id */
    overviewNodeColour: (id) => explorer.overview.view.nodeColour(id),
  };
  Object.defineProperty(window, 'graphApiExplorer', { value: Object.freeze(hook), writable: false, configurable: false });
}

