// Renames a workspace at the revision the caller read (checked first, in the same transaction).
MATCH (w:Workspace {id: $id})
SET w.name = $name, w.revision = $revision
RETURN w.revision AS revision
