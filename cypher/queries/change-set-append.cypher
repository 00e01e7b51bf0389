// Appends the change set of the current write transaction, which began with version-bump: one :ChangeSet per
// committed version, holding each actor and relationship the transaction left behind as the properties it stored
// (JSON text: a Neo4j property cannot hold a map) and the ids it deleted. It commits or rolls back with the change it
// describes, so another replica applies exactly this version (change-log-read.cypher). A transaction that touched
// more rows than the adapter logs sets reset instead, and a replica that meets it reloads. Empty lists are left out.
CREATE (c:ChangeSet {version: $version, reset: $reset})
SET c.actors = $actors, c.removedActors = $removedActors,
    c.relationships = $relationships, c.removedRelationships = $removedRelationships
RETURN c.version AS version
