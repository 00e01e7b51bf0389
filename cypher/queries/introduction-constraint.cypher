// The introduction ledger: one :Introduction node per ask, keyed by its id (run on every start, idempotent).
CREATE CONSTRAINT introduction_id IF NOT EXISTS
FOR (i:Introduction) REQUIRE i.id IS UNIQUE
