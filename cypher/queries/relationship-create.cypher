// __TYPE__ is replaced by a relationship-type name from the catalogue (types cannot be parameters).
MATCH (s:Actor {id: $source})
MATCH (t:Actor {id: $target})
CREATE (s)-[r:__TYPE__]->(t)
SET r = $properties
RETURN r.revision AS revision
