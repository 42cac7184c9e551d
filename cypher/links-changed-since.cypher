MATCH (a:Entity)-[l:LINK]->(b:Entity)
WHERE l.version > $version
RETURN l, a.id AS from, b.id AS to
ORDER BY l.seq
