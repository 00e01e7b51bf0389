// GraphApi schema for Neo4j 5.26 LTS / 2025.x. Every statement is idempotent (IF NOT EXISTS / MERGE):
// the API runs this file on every start, and it is safe to paste into Neo4j Browser or cypher-shell.

// One node per actor, keyed by its slug id; the constraint also backs MERGE and id lookups with an index.
CREATE CONSTRAINT actor_id IF NOT EXISTS
FOR (a:Actor) REQUIRE a.id IS UNIQUE;

// Filters the API and analysts use most.
CREATE INDEX actor_kind IF NOT EXISTS
FOR (a:Actor) ON (a.kind);

CREATE INDEX actor_country IF NOT EXISTS
FOR (a:Actor) ON (a.country);

// Names and aliases (acronyms, Korean names such as 한국산업단지공단) in one full-text index.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS
FOR (a:Actor) ON EACH [a.name, a.aliases];

// Relationship ids are unique across the whole graph. Neo4j scopes relationship constraints to one type,
// so each catalogue type gets its own; the API adds the same constraint for any type configured later.
CREATE CONSTRAINT relationship_id_MOU IF NOT EXISTS
FOR ()-[r:MOU]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_BOARD_MEMBER_OF IF NOT EXISTS
FOR ()-[r:BOARD_MEMBER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_MANAGES IF NOT EXISTS
FOR ()-[r:MANAGES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_PARTNER_OF IF NOT EXISTS
FOR ()-[r:PARTNER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_MEMBER_OF IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_CO_ORGANISED IF NOT EXISTS
FOR ()-[r:CO_ORGANISED]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_SUPPORTS IF NOT EXISTS
FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_MET_AT IF NOT EXISTS
FOR ()-[r:MET_AT]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT relationship_id_LOCATED_IN IF NOT EXISTS
FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;

// The store-wide change version lives on one node; the key constraint makes its MERGE safe when
// several API replicas start at once.
CREATE CONSTRAINT graph_version_key IF NOT EXISTS
FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;

// Where a merged-away actor id points now (POST /api/actors/{id}/merge), so old links answer 301.
CREATE CONSTRAINT actor_redirect_id IF NOT EXISTS
FOR (r:ActorRedirect) REQUIRE r.id IS UNIQUE;

MERGE (v:GraphVersion {key: 'graph'})
ON CREATE SET v.version = 0;

// The change log: one :ChangeSet per committed version (cypher/queries/change-set-append.cypher), so that replicas
// apply what moved instead of reloading. Unique by version; the constraint's index serves the range a replica reads.
CREATE CONSTRAINT change_set_version IF NOT EXISTS
FOR (c:ChangeSet) REQUIRE c.version IS UNIQUE;

// The log is complete from logFloor on. A store written before the log existed starts it at its current version
// (replicas behind that reload once); a new store starts it at 0.
MATCH (v:GraphVersion {key: 'graph'})
WHERE v.logFloor IS NULL
SET v.logFloor = v.version;

// Workspaces (private networks per organisation): one node each, keyed by id; actors and relationships they own
// carry a workspace property, and the index finds a workspace's actors without reading every actor.
CREATE CONSTRAINT workspace_id IF NOT EXISTS
FOR (w:Workspace) REQUIRE w.id IS UNIQUE;

CREATE INDEX actor_workspace IF NOT EXISTS
FOR (a:Actor) ON (a.workspace);

// The audit trail: one :AuditEntry per created, updated or deleted actor or relationship, written in the
// transaction of the change (cypher/queries/audit-append.cypher). Ids are unique; reads filter by entity and author.
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS
FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE;

CREATE INDEX audit_entry_entity IF NOT EXISTS
FOR (e:AuditEntry) ON (e.entityId);

CREATE INDEX audit_entry_who IF NOT EXISTS
FOR (e:AuditEntry) ON (e.who);
