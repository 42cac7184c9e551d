// Links arriving at one person, moved to arrive at another under the same id and properties.
MATCH (x:Entity)-[l:LINK]->(o:Entity {id: $fromId})
WHERE l.id IN $ids
MATCH (n:Entity {id: $toId})
CREATE (x)-[m:LINK]->(n)
SET m = properties(l), m.version = $version
DELETE l
