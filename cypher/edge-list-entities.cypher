// The whole graph for analytics, streamed: entities by id (ascending, the order analytics expect) ...
MATCH (e:Entity)
RETURN e.id AS id, e.kind AS kind, e.label AS label
ORDER BY id
