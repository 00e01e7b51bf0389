// Records that a merged-away actor id now points to $into.
MERGE (r:ActorRedirect {id: $id})
SET r.into = $into, r.mergedAt = datetime()
RETURN r.id AS id
