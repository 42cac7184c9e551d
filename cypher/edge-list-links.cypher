// ... and every link as its two ends and its occurrence count, nothing else.
MATCH (a:Entity)-[l:LINK]->(b:Entity)
RETURN a.id AS from, b.id AS to, l.count AS count
ORDER BY l.seq
