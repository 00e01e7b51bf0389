// @ts-check
// Our network: what a member of a workspace gets on top of the public explorer. When the caller changes (workspace.js)
// what is shown is drawn again for them; the analyses switch between the public network and "With our ties"
// (scope=workspace); "We know them" in an actor's details records a private tie, drawn at once; the legend says what
// the purple, dash-dotted ties and double-bordered actors are.
import { el } from './dom.js';
import { weKnowThem } from './we-know-them.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').Caller} Caller */
/** @typedef {import('./types.js').Relationship} Relationship */
/** @typedef {import('./types.js').ActorSummary} ActorSummary */
/** @typedef {import('./workspace.js').Scope} Scope */

export class OurNetwork {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
  }

  /**
   * The credentials changed (a key entered, a sign-in): another workspace means other private ties, so what is shown is
   * drawn again for the new caller; a caller without a workspace has its analyses on the public network.
   * @param {Caller} caller @param {Caller} before
   */
  callerChanged(caller, before) {
    if ((caller.workspace?.id ?? null) === (before.workspace?.id ?? null)) return Promise.resolve();
    this.app.analysis.clear();
    if (!caller.workspace && this.app.scope === 'workspace') {
      this.app.scope = 'public';
      this.app.who.showScope('public');
      this.app.questionChanged({ scope: null });
    }
    this.app.asOfWork = (this.app.asOfWork ?? Promise.resolve()).then(() => this.app.drawAgain());
    return this.app.asOfWork;
  }

  /** A member switched the analyses between the public network and "With our ties". @param {Scope} scope */
  setScope(scope) {
    this.app.asOfWork = (this.app.asOfWork ?? Promise.resolve()).then(() => this.analyseOn(scope));
    return this.app.asOfWork;
  }

  /** @param {Scope} scope */
  async analyseOn(scope) {
    if (scope === this.app.scope) return;
    this.app.scope = scope;
    this.app.who.showScope(scope);
    this.app.questionChanged({ scope: scope === 'workspace' ? scope : null });
    await this.app.brokerage.refresh();
    await this.app.communities.refresh();
    if (this.app.colour === 'community') await this.app.loadCommunities();
    if (this.app.colour === 'role' && this.app.brokerage.items.length === 0) await this.app.loadRoles();
    await this.app.refreshSizing();
    await this.app.rolesChart.draw();
    this.app.status.show(scope === 'workspace' ? `Analyses with ${this.app.who.workspace?.name ?? 'our workspace'}'s private ties.` : 'Analyses on the public network.');
  }

  /** "We know them" in an actor's details: for members of a workspace who may write. @param {import('./types.js').Actor} actor */
  knowThem(actor) {
    const workspace = this.app.who.workspace;
    if (!workspace || !this.app.who.editor) return null;
    return weKnowThem(actor, {
      workspaceName: workspace.name, source: this.app.routes.from, catalogues: this.app.catalogues,
      added: (tie, from) => this.tieAdded(tie, from),
    });
  }

  /** A private tie was recorded: drawn at once, and routes and analyses with our ties asked again. @param {Relationship} tie @param {ActorSummary} from */
  async tieAdded(tie, from) {
    this.app.analysis.clear();
    this.app.actors.remember(from);
    this.app.status.show(`Private tie added: ${this.app.actors.nameOf(tie.source)} — ${tie.type} — ${this.app.actors.nameOf(tie.target)} (only ${this.app.who.workspace?.name ?? 'your workspace'} sees it).`);
    await this.app.withGraph(async (graph) => {
      const actors = await this.app.actors.ensure([tie.source, tie.target]);
      const added = graph.merge(actors, [{ id: tie.id, source: tie.source, target: tie.target, type: tie.type, note: tie.note, visibility: tie.visibility }]);
      if (added > 0) graph.layout();
    });
    await this.app.details.showActor(tie.target);
    if (this.app.scope === 'workspace') {
      await this.app.brokerage.refresh();
      await this.app.communities.refresh();
    }
  }

  /**
   * The legend's entry for the workspace's own ties and actors: a purple line, and the words for how the drawing in
   * front marks them (the overview's WebGL draws solid lines and has no node borders).
   * @param {'graph' | 'overview'} drawing
   */
  legendEntry(drawing = 'graph') {
    const workspace = this.app.who.workspace?.name ?? 'our';
    const how = drawing === 'overview' ? 'purple ties, “· private” after the name' : 'dash-dotted, double border';
    return el('span', { class: 'legend-entry legend-private' },
      el('span', { class: `private-swatch ${drawing}`, attrs: { 'aria-hidden': 'true' } }),
      `private: ${workspace} ties and actors (${how}), seen by its members only`);
  }
}
