// The relationships a workspace's deletion takes along: its own, and any tie touching one of its actors.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.workspace = $workspace OR s.workspace = $workspace OR t.workspace = $workspace
RETURN r, s.id AS source, t.id AS target
ORDER BY r.id
