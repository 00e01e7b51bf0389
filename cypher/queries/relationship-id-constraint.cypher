// Run at start for every catalogue type (schema.cypher covers the default ones): __TYPE__ is replaced by a
// relationship-type name from the catalogue, because names cannot be parameters.
CREATE CONSTRAINT relationship_id___TYPE__ IF NOT EXISTS
FOR ()-[r:__TYPE__]-() REQUIRE r.id IS UNIQUE
