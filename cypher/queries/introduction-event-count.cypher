// The ask's event count, and its workspace (its events' audit entries belong to it); no row for an unknown ask.
MATCH (i:Introduction {id: $id})
RETURN i.eventCount AS recorded, i.workspace AS workspace
