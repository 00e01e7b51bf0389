// Appends the audit entries of the current write transaction, which began with version-bump: the :GraphVersion
// node is write-locked until commit, so entry ids follow commit order with no gap and no race between replicas,
// and the entries commit or roll back with the change they describe.
MATCH (v:GraphVersion {key: 'graph'})
WITH v, coalesce(v.auditNext, 1) AS first
SET v.auditNext = first + size($entries)
WITH first
UNWIND range(0, size($entries) - 1) AS i
WITH first + i AS id, $entries[i] AS entry
CREATE (e:AuditEntry {id: id, at: entry.at, who: entry.who, entity: entry.entity, entityId: entry.entityId, operation: entry.operation})
SET e.before = entry.before, e.after = entry.after, e.workspace = entry.workspace
RETURN count(e) AS appended
