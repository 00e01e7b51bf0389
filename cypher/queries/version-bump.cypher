// Runs FIRST in every write transaction. Writing the single :GraphVersion node takes its write lock, so
// writers (on every replica) are serialised from here to commit and the revision checks that follow
// cannot race. The increment is one SET expression, which Cypher performs under that lock (no lost update).
MERGE (v:GraphVersion {key: 'graph'})
ON CREATE SET v.version = 0
SET v.version = v.version + 1
RETURN v.version AS version
