// What protected persons use or hold, each credited to the earliest such person.
UNWIND $ids AS id
MATCH (p:Entity {id: id})-[l:LINK]->(x:Entity)
WHERE l.kind IN ['uses', 'holds'] AND NOT x.id IN $ids
WITH x, p ORDER BY p.seq
WITH x, collect(p.id)[0] AS personId
RETURN x AS e, personId
ORDER BY x.seq
