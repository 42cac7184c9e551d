UNWIND $caseIds AS caseId
MATCH (w:Watch {caseId: caseId})
RETURN w
ORDER BY w.caseId, w.entityId, w.userId
