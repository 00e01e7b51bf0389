// The evidence trail of one actor (here KICOX): every tie, its stored direction, its dates and the report
// passage that states it. Inferred ties (the report implies rather than states them) are flagged.
MATCH (actor:Actor {id: 'kicox'})-[tie]-(other:Actor)
RETURN type(tie) AS tie,
       CASE WHEN startNode(tie) = actor THEN 'outgoing' ELSE 'incoming' END AS direction,
       other.name AS other,
       tie.since AS since,
       tie.until AS until,
       tie.eventName AS event,
       tie.evidenceSection AS section,
       tie.evidenceQuote AS quote,
       tie.inferred AS inferred
ORDER BY section, tie, other;

// The actor's own provenance, found through the full-text index on names and aliases (Korean names too).
CALL db.index.fulltext.queryNodes('actor_names', '한국산업단지공단') YIELD node, score
RETURN node.id AS id, node.name AS name, node.aliases AS aliases, node.sources AS sources, score
ORDER BY score DESC
LIMIT 5;
