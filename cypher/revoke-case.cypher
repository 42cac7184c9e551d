MATCH (g:CaseGrant {caseId: $caseId, userId: $userId})
DELETE g
