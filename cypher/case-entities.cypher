// What a case's own evidence says: the entities its documents name.
UNWIND $caseIds AS caseId
MATCH (e:Entity)-[:STATED_IN]->(:Document {caseId: caseId})
RETURN DISTINCT e.id AS id, e.seq AS seq
ORDER BY seq
