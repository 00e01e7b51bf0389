// The store's change version: replicas poll it and reload their snapshot when it moves.
OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
RETURN coalesce(v.version, 0) AS version
