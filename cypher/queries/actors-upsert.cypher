// One batch of a bulk upsert: inserts new actors at revision 1, replaces existing ones at revision + 1. An actor
// written by hand without a revision reads as revision 1 (Neo4jMapping), so it becomes 2, as the audit, the change log
// and every replica's snapshot say.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.revision = 0
WITH a, row, coalesce(a.revision, 1) AS previous
SET a = row
SET a.revision = previous + 1
RETURN count(a) AS upserted
