MATCH (i:Introduction)
OPTIONAL MATCH (i)-[:HAS_EVENT]->(e:IntroductionEvent)
WITH i, e
ORDER BY i.id, e.sequence
RETURN i, collect(e) AS events
ORDER BY i.id
