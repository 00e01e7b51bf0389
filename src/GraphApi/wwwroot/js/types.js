// @ts-check
// The API's shapes, named once for the page's JSDoc: every one comes from the typed client generated from the OpenAPI
// document (clients/typescript, copied to lib/client at build time), so a change to the API fails the type check.

/** @typedef {import('../lib/client/index.js').Schemas} Schemas */
/** @typedef {import('../lib/client/index.js').Problem} Problem */
/** @typedef {Schemas['ActorView']} Actor */
/** @typedef {Schemas['RelationshipView']} Relationship */
/** @typedef {Schemas['RelationshipTypeView']} RelationshipType */
/** @typedef {Schemas['Evidence']} Evidence */
/** @typedef {Schemas['RouteView']} RouteView */
/** @typedef {Schemas['RouteStepView']} RouteStep */
/** @typedef {Schemas['RoutesResponse']} RoutesResponse */
/** @typedef {Schemas['IntroductionRequest']} IntroductionRequest */
/** @typedef {Schemas['RouteTargetInput']} RouteTargetInput */
/** @typedef {Schemas['ActorFilterInput']} ActorFilterInput */
/** @typedef {Schemas['BestNextTieRequest']} BestNextTieRequest */
/** @typedef {Schemas['BestNextTieResponse']} BestNextTieResponse */
/** @typedef {Schemas['TieCandidateView']} TieCandidate */
/** @typedef {Schemas['NeighbourhoodResponse']} Neighbourhood */
/** @typedef {Schemas['NeighbourhoodNodeView']} NeighbourhoodNode */
/** @typedef {Schemas['NeighbourhoodEdgeView']} NeighbourhoodEdge */
/** @typedef {Schemas['BrokerageItem']} BrokerageItem */
/** @typedef {Schemas['GatewayItem']} GatewayItem */
/** @typedef {Schemas['GatewayPage']} GatewayPage */
/** @typedef {Schemas['CommunityPage']} CommunityPage */
/** @typedef {Schemas['CommunityItem']} CommunityItem */
/** @typedef {Schemas['CommunityMemberItem']} CommunityMember */
/** @typedef {Schemas['TimelinePage']} TimelinePage */
/** @typedef {Schemas['TimelineSeriesView']} TimelineSeries */
/** @typedef {Schemas['OverviewResponse']} Overview */
/** @typedef {Schemas['IntroductionView']} Introduction */
/** @typedef {Schemas['CatalogueView']} Catalogue */
/** @typedef {Schemas['CallerView']} Caller */
/** @typedef {import('../lib/client/index.js').operations} Operations */
/** @typedef {NonNullable<Schemas['ActorFilterInput']['kind']>} Kind */
/** @typedef {NonNullable<Schemas['ActorFilterInput']['region']>} Region */
/** @typedef {NonNullable<Schemas['ActorFilterInput']['country']>} Country */
/** @typedef {NonNullable<NonNullable<Operations['GetBrokerage']['parameters']['query']>['partition']>} Partition */
/** @typedef {NonNullable<Schemas['IntroductionRequest']['strengths']>} Strengths */
/** @typedef {NonNullable<Schemas['BestNextTieRequest']['type']>} TieType */
/** @typedef {{kind?: Kind, region?: Region, country?: Country, sector?: string}} ActorFilter */

/**
 * What the graph draws as a node: an actor as far as the page knows it (a search result, a neighbourhood node, a
 * full record); only id and name are always known. visibility 'private': the caller's workspace's own.
 * @typedef {{id: string, name: string, kind?: string, region?: string, country?: string, visibility?: string | null}} ActorSummary
 */

/**
 * What the graph draws as an edge: a stored relationship (with its id), or an assumed one (what-if, no id).
 * @typedef {{id?: string, source: string, target: string, type: string, inferred?: boolean, strength?: number | null, note?: string | null, visibility?: string | null}} TieSummary
 */

/**
 * A route as the page shows it: the API's route, or one opened by an assumed tie (its first step has no relationship id).
 * @typedef {{score: number, hops: number, target: string, actors: string[], explanation: string, steps: ShownStep[], assumed?: boolean, strengths: 'stated' | 'learned'}} ShownRoute
 */

/**
 * One hop of a shown route: the API's step, or the assumed new tie.
 * @typedef {{from: string, to: string, type: string, strength: number, inferred: boolean, tie: TieSummary, evidence?: Evidence | null, since?: unknown, until?: unknown, direction?: string, learned?: RouteStep['learned'], assumed?: boolean}} ShownStep
 */

export {};
