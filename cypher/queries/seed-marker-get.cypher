// Whether the store must not be seeded: it was seeded before (the marker survives later edits and deletions),
// or it already holds actors that someone loaded another way.
MATCH (v:GraphVersion {key: 'graph'})
RETURN v.seededAt IS NOT NULL OR EXISTS { MATCH (:Actor) } AS seeded
