// Who brokers between Europe and Korea? (A quick look; GET /api/analysis/brokerage and /api/analysis/gateways
// give the Gould-Fernandez roles and the gateway ranking.)
// Region is derived from the country, so the EU-27 (plus the "EU" code for EU-level bodies) is listed here.

// Actors tied directly to both European and Korean actors, by how many of each.
WITH ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
      'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'EU'] AS eu
MATCH (broker:Actor)--(korean:Actor {country: 'KR'})
MATCH (broker)--(european:Actor)
WHERE european.country IN eu
WITH broker,
     count(DISTINCT korean) AS koreanTies,
     count(DISTINCT european) AS europeanTies,
     collect(DISTINCT korean.name)[..5] AS someKorean,
     collect(DISTINCT european.name)[..5] AS someEuropean
RETURN broker.name AS broker, broker.country AS country, broker.kind AS kind,
       europeanTies, koreanTies, someEuropean, someKorean
ORDER BY europeanTies * koreanTies DESC, broker.name
LIMIT 20;

// Brokered EU-KR pairs: a European and a Korean actor with no direct tie, joined through one broker.
// The broker with the most such pairs is the one most asks from Europe would go through.
WITH ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
      'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'EU'] AS eu
MATCH (european:Actor)--(broker:Actor)--(korean:Actor {country: 'KR'})
WHERE european.country IN eu AND NOT (european)--(korean)
RETURN broker.name AS broker, broker.country AS country,
       count(DISTINCT [european.id, korean.id]) AS brokeredPairs
ORDER BY brokeredPairs DESC, broker
LIMIT 20;
