// Replaces every property (fields cleared by the caller disappear); $properties carries the new revision.
MATCH (a:Actor {id: $id})
SET a = $properties
RETURN a.revision AS revision
