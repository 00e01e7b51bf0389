// Every relationship touching one actor, read before the actor is deleted so that each relationship the
// deletion takes with it gets its own audit entry, as on the embedded store.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE s.id = $id OR t.id = $id
RETURN r, s.id AS source, t.id AS target
ORDER BY r.id
