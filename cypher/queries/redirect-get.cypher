// Where a merged-away actor id points; no row when it was never merged.
MATCH (r:ActorRedirect {id: $id})
RETURN r.into AS into
