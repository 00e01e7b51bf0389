// Every relationship touching the actor, with its stored ends (a merge re-points them).
MATCH (s:Actor)-[r]->(t:Actor)
WHERE (s.id = $id OR t.id = $id) AND r.id IS NOT NULL
RETURN r, s.id AS source, t.id AS target
ORDER BY r.id
