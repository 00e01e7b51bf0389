// One actor node; no row when it does not exist.
MATCH (a:Actor {id: $id})
RETURN a
