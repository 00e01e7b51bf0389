// Relationship ids are unique across types, and Neo4j indexes relationship properties per type only, so
// a lookup by id alone scans relationships: fine at this graph's size (thousands), and only on writes.
MATCH ()-[r]->()
WHERE r.id = $id
RETURN r.revision AS revision
