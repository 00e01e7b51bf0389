// First step of a bulk relationship upsert: removes the existing relationships with these ids (whatever
// their type or ends) and returns their revisions, so they are created again at revision + 1.
MATCH ()-[r]->()
WHERE r.id IN $ids
WITH r, r.id AS id, r.revision AS revision
DELETE r
RETURN id, revision
