// An ask for an introduction; its events hang off it as (:Introduction)-[:HAS_EVENT]->(:IntroductionEvent).
// The introduction_id constraint turns a duplicate id into ConstraintValidationFailed (409).
CREATE (i:Introduction)
SET i = $properties, i.eventCount = 0
RETURN i.id AS id
