// The same reach as a case's graph: its evidence names the entity or one of its links, or it involves it.
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[:STATED_IN]->(d:Document)
  WHERE d.caseId IS NOT NULL
  RETURN d.caseId AS caseId
  UNION
  MATCH (e)-[l:LINK]-()
  MATCH (:LinkFact {linkId: l.id})-[:STATED_IN]->(d:Document)
  WHERE d.caseId IS NOT NULL
  RETURN d.caseId AS caseId
  UNION
  MATCH (c:Entity)-[:LINK {kind: 'involves'}]->(e)
  RETURN c.id AS caseId
}
RETURN DISTINCT caseId
ORDER BY caseId
