// The actors a workspace owns (found by the actor_workspace index, never by reading every actor), read before
// its deletion so each gets its own audit entry.
MATCH (a:Actor)
WHERE a.workspace = $workspace
RETURN a
ORDER BY a.id
