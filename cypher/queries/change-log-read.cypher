// What a replica at version $since needs to catch up: the store's version, the version from which on the log is
// complete (logFloor), and the change sets after $since up to that version, oldest first. The version is read first:
// every change set at or below it was committed before it (a writer holds the :GraphVersion lock from its bump to its
// commit), so these change sets are exactly the store at that version, whatever commits meanwhile. Nothing is read
// when $since is below the floor: the replica reloads then.
MATCH (v:GraphVersion {key: 'graph'})
WITH v.version AS version, coalesce(v.logFloor, v.version) AS floor
OPTIONAL MATCH (c:ChangeSet)
WHERE $since >= floor AND c.version > $since AND c.version <= version
WITH version, floor, c
ORDER BY c.version
RETURN version, floor,
       collect(c {.version, .reset, .actors, .removedActors, .relationships, .removedRelationships}) AS changes
