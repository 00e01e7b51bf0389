// Written in the same transaction as the seed data, so a failed seed leaves no marker.
MATCH (v:GraphVersion {key: 'graph'})
SET v.seededAt = datetime()
RETURN v.version AS version
