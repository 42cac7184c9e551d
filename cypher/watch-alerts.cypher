MATCH (a:CaseAlert {caseId: $caseId})
WHERE a.kind = 'watch' AND a.entityId = $entityId AND a.userId = $userId
RETURN a
ORDER BY a.raisedAt DESC, a.id
LIMIT $limit
