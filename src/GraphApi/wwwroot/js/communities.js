// @ts-check
// The Communities tab: the communities the API finds (Leiden, stable under unrelated additions) with each one's size,
// how stable its core is over several seeds, its best-connected members and the bridges that tie it to others; a
// community is highlighted on the drawing with one click, and the member table is downloadable as CSV from the API.
import { api, csvOptions } from './api.js';
import { csvButton } from './csv.js';
import { button, byId, el, formatNumber, plural } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { RankedList } from './ranked-list.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').CommunityPage} CommunityPage */

const BRIDGES_SHOWN = 5;

export class CommunitiesPanel {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    /** @type {CommunityPage | null} */
    this.page = null;
    this.summary = byId('communities-summary');
    this.list = new RankedList(byId('community-list'), (index) => this.highlight(index));
    const submit = button('communities-submit');
    this.requests = new LatestRequest({ status: app.status, error: byId('communities-error'), button: submit });
    submit.addEventListener('click', () => this.find());
    byId('communities-csv').append(csvButton({
      label: 'Download CSV (every actor, its community, participation)', requests: this.requests,
      title: () => `communities${app.asOf ? ` as of ${app.asOf}` : ''}`,
      call: (signal) => api.GET('/api/analysis/communities', { params: { query: { asOf: app.asOf ?? undefined, limit: 500, top: 500, scope: app.scopeQuery } }, signal, ...csvOptions }),
    }));
  }

  get selected() { return this.list.selected; }

  async find() {
    await this.requests.run({ busy: 'Finding communities…', failed: 'Finding communities failed.' }, async () => {
      const page = await this.app.analysis.communities(this.app.asOf);
      this.page = page;
      this.render(page);
      byId('community-list').dataset.scope = this.app.scope;
      return `${plural(page.communityCount, 'community', 'communities')} found.`;
    });
  }

  /** Finds them again (another as-of date) when they are shown. */
  refresh() {
    return this.page ? this.find() : Promise.resolve();
  }

  /** @param {CommunityPage} page */
  render(page) {
    const asOf = page.asOf ? ` as of ${page.asOf}` : '';
    const isolated = page.total - page.communities.reduce((sum, c) => sum + c.size, 0);
    this.summary.textContent = `${plural(page.communityCount, 'community', 'communities')}${asOf}${this.app.scopeText} (modularity ${formatNumber(page.modularity)}), ` +
      `${plural(page.bridgeCount, 'bridge')}: actors whose ties reach other communities.` +
      (isolated > 0 ? ` ${plural(isolated, 'actor')} without ties belong to none.` : '') +
      ` Stability: the share of ${page.stabilityRuns} runs with other seeds in which the community's core stays together.`;
    this.list.render(page.communities.map((community) => {
      const bridges = page.bridges.filter((b) => b.community === community.community).slice(0, BRIDGES_SHOWN);
      return {
        title: `Community #${community.community}`,
        aside: `${plural(community.size, 'actor')}${community.stability === null || community.stability === undefined ? '' : ` · stable in ${Math.round(community.stability * 100)}% of runs`}`,
        dataset: { community: String(community.community) },
        lines: [
          el('p', { class: 'members' }, el('strong', { text: 'Core: ' }), community.topMembers.map((m) => m.name).join(', ')),
          el('p', { class: 'bridges' }, el('strong', { text: 'Bridges: ' }), bridges.length === 0 ? 'none (its ties stay inside)'
            : bridges.map((b) => `${b.name} (reaches ${b.communitiesReached} communities, P = ${formatNumber(b.participation)})`).join('; ')),
        ],
        showLabel: `Highlight community ${community.community} on the graph`,
      };
    }));
    for (const item of byId('community-list').querySelectorAll('.show-route')) item.textContent = 'Highlight';
  }

  /** Colours by community and highlights this one's members on the drawing (the whole network if they are not drawn). @param {number} index */
  async highlight(index) {
    const page = this.page;
    const graph = this.app.graph;
    if (!page || !graph) return;
    const community = page.communities[index];
    const members = page.items.filter((item) => item.community === community.community).map((item) => item.actor);
    if (this.app.overview.visible) this.app.tabs.select('communities');
    if (!members.some((id) => graph.hasNode(id))) await this.app.landing.show();
    if (this.app.colour !== 'community') await this.app.setColouring('community');
    graph.highlightActors(members);
    this.app.status.show(`Community #${community.community}: ${plural(community.size, 'actor')} highlighted.`);
  }
}

