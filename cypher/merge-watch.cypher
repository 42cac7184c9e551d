MERGE (w:Watch {userId: $watch.userId, entityId: $watch.entityId})
ON CREATE SET w.createdAt = $watch.createdAt
SET w.caseId = $watch.caseId
