// The links a case's documents record, and the links from each case to what it involves.
UNWIND $caseIds AS caseId
CALL (caseId) {
  MATCH (f:LinkFact)-[:STATED_IN]->(:Document {caseId: caseId})
  MATCH (a:Entity)-[l:LINK {id: f.linkId}]->(b:Entity)
  RETURN l, a, b
  UNION
  MATCH (a:Entity {id: caseId})-[l:LINK {kind: 'involves'}]->(b:Entity)
  RETURN l, a, b
}
RETURN DISTINCT l.id AS id, l.seq AS seq, a.id AS from, a.seq AS fromSeq, b.id AS to, b.seq AS toSeq
ORDER BY seq
