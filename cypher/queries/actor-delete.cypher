// Deletes the actor and every relationship touching it, returning the removed relationship ids so the
// snapshot can drop them too.
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[r]-()
WITH a, collect(DISTINCT r.id) AS removed
DETACH DELETE a
RETURN removed
