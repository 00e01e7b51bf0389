MATCH (i:Introduction {id: $id})
RETURN i.eventCount AS recorded
