// Second step of a bulk relationship upsert, one statement per type: __TYPE__ is replaced by a
// relationship-type name from the catalogue (types cannot be parameters). A row whose end is missing
// creates nothing; the adapter compares the count and rolls the whole batch back.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CREATE (s)-[r:__TYPE__]->(t)
SET r = row.properties
RETURN count(r) AS created
