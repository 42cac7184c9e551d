// What protected persons use or hold, and the home addresses they give or a record holding their
// identity document gives (domain/protection.ts), each credited to the earliest such person.
UNWIND $ids AS id
MATCH (p:Entity {id: id})
CALL (p) {
  MATCH (p)-[l:LINK]->(x:Entity)
  WHERE l.kind IN ['uses', 'holds'] OR (l.kind = 'located-at' AND x.kind = 'location' AND x.scheme = 'address')
  RETURN x
  UNION
  MATCH (p)-[:LINK {kind: 'holds'}]->(:Entity {kind: 'id-document'})<-[:LINK {kind: 'holds'}]-(r:Entity {kind: 'person'})
  MATCH (r)-[:LINK {kind: 'located-at'}]->(x:Entity {kind: 'location', scheme: 'address'})
  WHERE NOT r.id IN $ids
  RETURN x
}
WITH x, p
WHERE NOT x.id IN $ids
WITH x, p ORDER BY p.seq
WITH x, collect(p.id)[0] AS personId
RETURN x AS e, personId
ORDER BY x.seq
