// @ts-check
// What forms offer, from the API itself (GET /api/catalogues: the closed sets every request is checked against, and
// the countries and sectors actors carry; GET /api/relationship-types: the types with their strengths and whether
// their direction means something). Loaded once; nothing is copied into the page by hand.
import { api, data } from './api.js';

/** @typedef {import('./types.js').Catalogue} Catalogue */
/** @typedef {import('./types.js').RelationshipType} RelationshipType */

/** @type {Catalogue} */
const EMPTY = { kinds: [], regions: [], relationshipTypes: [], partitions: [], statuses: [], countries: [], sectors: [], version: 0 };

export class Catalogues {
  constructor() {
    /** @type {Catalogue} */
    this.values = EMPTY;
    /** @type {RelationshipType[]} */
    this.types = [];
    /** @type {Promise<void> | null} */
    this.loading = null;
  }

  /** Loads both catalogues once; later calls wait for the same load. */
  load() {
    this.loading ??= Promise.all([data(api.GET('/api/catalogues')), data(api.GET('/api/relationship-types'))])
      .then(([values, types]) => {
        this.values = values;
        this.types = types;
      });
    return this.loading;
  }

  get kinds() { return this.values.kinds; }

  get regions() { return this.values.regions; }

  get statuses() { return this.values.statuses; }

  get partitions() { return this.values.partitions; }

  /** Types whose direction means something (MANAGES, MEMBER_OF, …): drawn with arrows. */
  get directedTypes() { return new Set(this.types.filter((type) => type.directed).map((type) => type.name)); }

  /** @param {string} name */
  type(name) { return this.types.find((type) => type.name === name); }
}
