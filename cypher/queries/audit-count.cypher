// How many audit entries audit-read's anchor and filters select (its paging aside): a page's total.
MATCH (e:AuditEntry)
WHERE ($before IS NULL OR e.id < $before)
  AND ($entityId IS NULL OR e.entityId = $entityId)
  AND ($entity IS NULL OR e.entity = $entity)
  AND ($who IS NULL OR e.who = $who)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($workspace IS NULL OR e.workspace = $workspace)
RETURN count(e) AS entries
