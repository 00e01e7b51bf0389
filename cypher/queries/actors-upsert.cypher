// One batch of a bulk upsert: inserts new actors at revision 1, replaces existing ones at revision + 1.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
WITH a, row, coalesce(a.revision, 0) AS previous
SET a = row
SET a.revision = previous + 1
RETURN count(a) AS upserted
