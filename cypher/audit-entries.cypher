MATCH (a:AuditEntry)
WHERE a.seq > $afterSeq
  AND ($caseId IS NULL OR a.caseId = $caseId)
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($action IS NULL OR a.action = $action)
RETURN a
ORDER BY a.seq
LIMIT $limit
