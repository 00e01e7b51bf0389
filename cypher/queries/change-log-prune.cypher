// Drops the change sets at or below $floor and moves the log's floor up to it (never down). The adapter runs it in
// the write transaction of every thousandth version, under the version lock; a replica whose snapshot is older than
// the floor then reloads instead of applying changes.
MATCH (v:GraphVersion {key: 'graph'})
SET v.logFloor = CASE WHEN coalesce(v.logFloor, 0) < $floor THEN $floor ELSE v.logFloor END
WITH v
OPTIONAL MATCH (c:ChangeSet)
WHERE c.version <= $floor
DELETE c
RETURN count(c) AS pruned
