// Appends an event only if the ask has exactly $sequence - 1 events. The increment takes the node's write lock,
// so two appenders (on any replica) are serialised and the second finds the count moved: no row comes back, and
// the caller rolls the transaction back and reports a conflict.
MATCH (i:Introduction {id: $id})
SET i.eventCount = i.eventCount + 1
WITH i
WHERE i.eventCount = $sequence
CREATE (i)-[:HAS_EVENT]->(e:IntroductionEvent)
SET e = $properties
RETURN i.eventCount AS recorded
