// No row when the actor does not exist.
MATCH (a:Actor {id: $id})
RETURN a.revision AS revision
