MATCH (e:Entity {id: $id})
RETURN e, COUNT { MATCH (e)-[:LINK]-() } AS degree
