MATCH (a:Entity)-[l:LINK {id: $id}]->(b:Entity)
RETURN l, a.id AS from, b.id AS to
