// Every relationship between actors, with its stored direction (source -> target).
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.id IS NOT NULL
RETURN r, s.id AS source, t.id AS target
ORDER BY r.id
