// Loads the report's dataset (cypher/seed/actors.csv and relationships.csv) into Neo4j without the API.
//
// 1. Run cypher/schema.cypher first (constraints back the MERGEs below).
// 2. Put both CSV files in the server's import folder (docker compose mounts cypher/seed there), or change the
//    file:/// URLs to https:// ones.
// 3. Run the statements below in order (Neo4j Browser with multi-statement mode, or
//    `cypher-shell -f cypher/seed/load.cypher`).
//
// The result is exactly what the API's own first-start seed writes: same labels, types and property names,
// revision 1, and the seed marker on the :GraphVersion node, so an API started later will not seed again.
// Lists in the CSV are '|'-separated; empty cells are null in LOAD CSV and so leave the property unset.

// Actors: one :Actor node per row.
LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name,
    a.aliases = [x IN split(coalesce(row.aliases, ''), '|') WHERE trim(x) <> '' | trim(x)],
    a.kind = row.kind,
    a.country = row.country,
    a.city = row.city,
    a.sectors = [x IN split(coalesce(row.sectors, ''), '|') WHERE trim(x) <> '' | trim(x)],
    a.website = row.website,
    a.description = row.description,
    a.sources = [x IN split(coalesce(row.sources, ''), '|') WHERE trim(x) <> '' | trim(x)],
    a.revision = coalesce(a.revision, 0) + 1;

// Relationships: the CSV's type column becomes the relationship TYPE (so queries can say -[:MOU]-).
// A type cannot be a parameter or an expression in Cypher, so each catalogue type has its own MERGE, and
// FOREACH over a one-element list runs only the one that matches the row (no APOC needed).
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
WITH row, s, t, {
  since: row.since,
  until: row.until,
  strength: toFloat(row.strength),
  eventName: row.eventName,
  eventDate: row.eventDate,
  eventPlace: row.eventPlace,
  note: row.note,
  evidenceDocument: row.evidenceDocument,
  evidenceSection: row.evidenceSection,
  evidenceQuote: row.evidenceQuote,
  inferred: coalesce(toBoolean(row.inferred), false)
} AS properties
FOREACH (ignored IN CASE WHEN row.type = 'MOU' THEN [1] ELSE [] END |
  MERGE (s)-[r:MOU {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'BOARD_MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:BOARD_MEMBER_OF {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'MANAGES' THEN [1] ELSE [] END |
  MERGE (s)-[r:MANAGES {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'PARTNER_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:PARTNER_OF {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:MEMBER_OF {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'CO_ORGANISED' THEN [1] ELSE [] END |
  MERGE (s)-[r:CO_ORGANISED {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'SUPPORTS' THEN [1] ELSE [] END |
  MERGE (s)-[r:SUPPORTS {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'MET_AT' THEN [1] ELSE [] END |
  MERGE (s)-[r:MET_AT {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1)
FOREACH (ignored IN CASE WHEN row.type = 'LOCATED_IN' THEN [1] ELSE [] END |
  MERGE (s)-[r:LOCATED_IN {id: row.id}]->(t) SET r += properties, r.revision = coalesce(r.revision, 0) + 1);

// Seed marker and change version, so running API replicas reload and no API seeds on top of this.
MERGE (v:GraphVersion {key: 'graph'})
ON CREATE SET v.version = 0
SET v.version = v.version + 1,
    v.seededAt = coalesce(v.seededAt, datetime());

// Check: every CSV row that did not become a relationship (unknown type or missing end). Expect no rows.
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
OPTIONAL MATCH ()-[r]->()
  WHERE r.id = row.id
WITH row, r
WHERE r IS NULL
RETURN row.id AS notLoaded, row.type AS type, row.source AS source, row.target AS target;
