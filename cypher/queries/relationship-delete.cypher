// Also used by updates: a relationship's type and ends may change, and Neo4j cannot retype or re-attach
// a relationship, so an update deletes it and creates it again with the same id and the next revision.
MATCH ()-[r]->()
WHERE r.id = $id
DELETE r
RETURN count(*) AS deleted
