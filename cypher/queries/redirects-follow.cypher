// Older redirects to an actor being merged away follow it to where it goes, so a lookup is always one step.
MATCH (r:ActorRedirect)
WHERE r.into = $id
SET r.into = $into
RETURN count(r) AS moved
