// Every person with the identifiers it uses, holds or was seen at: what merge candidates compare.
MATCH (p:Entity {kind: 'person'})
OPTIONAL MATCH (p)-[l:LINK]->(x:Entity)
WHERE l.kind IN ['uses', 'holds', 'seen-at']
WITH p, x ORDER BY l.seq
WITH p, collect(x.id) AS ids, collect(x.kind) AS kinds, collect(x.scheme) AS schemes
RETURN p.id AS id, p.props AS props, ids, kinds, schemes
ORDER BY p.seq
