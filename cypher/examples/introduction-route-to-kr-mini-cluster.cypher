// Who can introduce Pôle Eau to a Korean mini cluster, and through whom?
// For every mini cluster in KR: the 3 shortest routes (by hops, up to 4) from pole-eau, travelling ties
// either way, ranked by the product of the hop strengths (the tie's own strength, else its type's default
// from the catalogue). Uses the SHORTEST k path selector and a quantified path pattern (Neo4j 5.21+ and
// Cypher 25). The API's POST /api/routes/introductions gives the exact strength-weighted best routes
// (Dijkstra on -ln(strength), with recency decay) and explains every hop.
MATCH route = SHORTEST 3 (from:Actor {id: 'pole-eau'})-[ties]-{1,4}(target:Actor {kind: 'MiniCluster', country: 'KR'})
WITH route, target,
     reduce(score = 1.0, tie IN relationships(route) |
       score * coalesce(tie.strength,
         CASE type(tie)
           WHEN 'MOU' THEN 0.9
           WHEN 'BOARD_MEMBER_OF' THEN 0.85
           WHEN 'MANAGES' THEN 0.85
           WHEN 'PARTNER_OF' THEN 0.75
           WHEN 'MEMBER_OF' THEN 0.7
           WHEN 'CO_ORGANISED' THEN 0.7
           WHEN 'SUPPORTS' THEN 0.6
           WHEN 'MET_AT' THEN 0.4
           WHEN 'LOCATED_IN' THEN 0.3
           ELSE 0.1
         END)) AS score
RETURN target.name AS miniCluster,
       round(score, 3) AS score,
       length(route) AS hops,
       [actor IN nodes(route) | actor.name] AS through,
       [tie IN relationships(route) | type(tie)] AS ties
ORDER BY score DESC, hops ASC
LIMIT 10;

// The same question drawn as a graph in Neo4j Browser: the shortest route to each mini cluster.
MATCH route = SHORTEST 1 (from:Actor {id: 'pole-eau'})-[ties]-{1,4}(target:Actor {kind: 'MiniCluster', country: 'KR'})
RETURN route;
