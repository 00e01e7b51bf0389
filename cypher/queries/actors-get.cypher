// The actors of one upsert batch that exist already, for the "before" bodies of their audit entries.
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a
