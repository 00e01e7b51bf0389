// Deletes every ask a workspace owns with its events: a deleted workspace takes its private records with it.
MATCH (i:Introduction {workspace: $workspace})
OPTIONAL MATCH (i)-[:HAS_EVENT]->(e:IntroductionEvent)
DETACH DELETE e, i
