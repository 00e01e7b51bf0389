// Every workspace, in id order.
MATCH (w:Workspace)
RETURN w.id AS id, w.name AS name, w.revision AS revision
ORDER BY w.id
