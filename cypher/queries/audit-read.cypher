// The audit trail newest first: $limit entries after skipping $offset, among those below the anchor id $before (entries
// appended later have larger ids, so pages read against one anchor never shift), optionally of one entity type, entity,
// author or operation, or (for a workspace's admins) of the records of one workspace.
MATCH (e:AuditEntry)
WHERE ($before IS NULL OR e.id < $before)
  AND ($entityId IS NULL OR e.entityId = $entityId)
  AND ($entity IS NULL OR e.entity = $entity)
  AND ($who IS NULL OR e.who = $who)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($workspace IS NULL OR e.workspace = $workspace)
RETURN e.id AS id, e.at AS at, e.who AS who, e.entity AS entity, e.entityId AS entityId, e.operation AS operation,
       e.before AS before, e.after AS after
ORDER BY e.id DESC
SKIP $offset
LIMIT $limit
