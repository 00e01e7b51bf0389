// The actor_id constraint turns a duplicate id into Neo.ClientError.Schema.ConstraintValidationFailed (409).
CREATE (a:Actor)
SET a = $properties
RETURN a.revision AS revision
