// The links from each case to what it involves (documentSeq -1: they come first), and the links the
// case's documents record, document by document in the order they arrived.
UNWIND $caseIds AS caseId
CALL (caseId) {
  MATCH (a:Entity {id: caseId})-[l:LINK {kind: 'involves'}]->(b:Entity)
  RETURN l, a, b, -1 AS documentSeq
  UNION
  MATCH (f:LinkFact)-[:STATED_IN]->(d:Document {caseId: caseId})
  MATCH (a:Entity)-[l:LINK {id: f.linkId}]->(b:Entity)
  RETURN l, a, b, d.seq AS documentSeq
}
RETURN DISTINCT caseId, documentSeq, l.id AS id, l.seq AS seq, a.id AS from, b.id AS to
ORDER BY documentSeq, seq
