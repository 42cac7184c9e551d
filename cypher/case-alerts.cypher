MATCH (a:CaseAlert {caseId: $caseId})
RETURN a
ORDER BY a.raisedAt DESC, a.id
LIMIT $limit
