// Persons who hold an identity document a protected person holds (domain/protection.ts: documents extend
// protection, phones do not), each credited to the earliest such protected person.
UNWIND $ids AS id
MATCH (p:Entity {id: id})-[:LINK {kind: 'holds'}]->(:Entity {kind: 'id-document'})<-[:LINK {kind: 'holds'}]-(x:Entity {kind: 'person'})
WHERE NOT x.id IN $ids
WITH x, p ORDER BY p.seq
WITH x, collect(p.id)[0] AS personId
RETURN x AS e, personId
ORDER BY x.seq
