MATCH (u:User {id: $userId})
MERGE (g:CaseGrant {caseId: $caseId, userId: u.id})
ON CREATE SET g.grantedBy = $grantedBy, g.grantedAt = $at
