// Links leaving one person, moved to leave another under the same id and properties.
MATCH (o:Entity {id: $fromId})-[l:LINK]->(x:Entity)
WHERE l.id IN $ids
MATCH (n:Entity {id: $toId})
CREATE (n)-[m:LINK]->(x)
SET m = properties(l), m.version = $version
DELETE l
