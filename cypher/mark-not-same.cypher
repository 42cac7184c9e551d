MERGE (n:NotSame {pair: $pair})
ON CREATE SET n.decidedBy = $decidedBy, n.decidedAt = $at
