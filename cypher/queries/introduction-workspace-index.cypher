// Asks are found by their workspace when it is deleted (run on every start, idempotent).
CREATE INDEX introduction_workspace IF NOT EXISTS
FOR (i:Introduction) ON (i.workspace)
