// Deletes a workspace's records and the workspace itself, filtering by workspace in the database: the
// relationships workspace-relationships named, then the actors it owns (with any tie left on them), then its node.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.workspace = $workspace OR s.workspace = $workspace OR t.workspace = $workspace
DELETE r
WITH count(r) AS relationships
OPTIONAL MATCH (a:Actor)
WHERE a.workspace = $workspace
DETACH DELETE a
WITH relationships, count(a) AS actors
MATCH (w:Workspace {id: $workspace})
DELETE w
RETURN relationships, actors
