// An undone merge puts the absorbed person back as it was, its version aside.
CREATE (e:Entity)
SET e = $entity
WITH e
OPTIONAL MATCH (r:Removed {id: e.id})
DELETE r
