// Whether the dataset was ever seeded (the marker survives later edits and deletions).
MATCH (v:GraphVersion {key: 'graph'})
RETURN v.seededAt IS NOT NULL AS seeded
