MATCH (p:Pseudonym)
RETURN p.entityId AS entityId, p.n AS n
