// No row when the workspace does not exist.
MATCH (w:Workspace {id: $id})
RETURN w.revision AS revision
