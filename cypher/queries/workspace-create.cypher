// The workspace_id constraint turns a duplicate id into Neo.ClientError.Schema.ConstraintValidationFailed (409).
CREATE (w:Workspace {id: $id, name: $name, revision: 1})
RETURN w.revision AS revision
