// Test only: empties the database the store contract suite runs against (NEO4J_URI must point at a
// disposable database). Constraints and indexes stay; the store recreates the rest on start.
MATCH (n)
DETACH DELETE n
