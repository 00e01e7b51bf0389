// Relationships by id with their ends, whatever their type: their revision for the If-Match check and their
// bodies for the audit entries of the change about to be made.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.id IN $ids
RETURN r, s.id AS source, t.id AS target
