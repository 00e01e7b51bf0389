// Every actor, in id order (the snapshot's ordinal order).
MATCH (a:Actor)
RETURN a
ORDER BY a.id
