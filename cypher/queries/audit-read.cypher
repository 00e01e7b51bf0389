// The audit trail newest first, keyset-paged by id ($before is the cursor), optionally for one entity or author.
MATCH (e:AuditEntry)
WHERE ($before IS NULL OR e.id < $before)
  AND ($entityId IS NULL OR e.entityId = $entityId)
  AND ($who IS NULL OR e.who = $who)
RETURN e.id AS id, e.at AS at, e.who AS who, e.entity AS entity, e.entityId AS entityId, e.operation AS operation,
       e.before AS before, e.after AS after
ORDER BY e.id DESC
LIMIT $limit
