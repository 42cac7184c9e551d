// Only the alerts not raised before: an ingest that finds the same thing again creates nothing.
UNWIND $rows AS row
OPTIONAL MATCH (old:CaseAlert {id: row.id})
WITH row WHERE old IS NULL
CREATE (a:CaseAlert)
SET a = row
RETURN a.id AS id
