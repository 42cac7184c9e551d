MATCH (g:CaseGrant {userId: $userId})
RETURN g.caseId AS caseId
ORDER BY caseId
