UNWIND $rows AS row
MERGE (p:Pseudonym {entityId: row.entityId})
ON CREATE SET p.n = row.n, p.assignedAt = $at
