// What a case's own evidence says: the entities its documents name, document by document in the
// order the documents arrived, each document's in the order they arrived (as the embedded store keeps
// them, so a view cut to a limit keeps the same entities on both).
UNWIND $caseIds AS caseId
MATCH (e:Entity)-[:STATED_IN]->(d:Document {caseId: caseId})
RETURN DISTINCT caseId, d.seq AS documentSeq, e.id AS id, e.seq AS seq
ORDER BY documentSeq, seq
