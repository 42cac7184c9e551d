MATCH (m:Merge {id: $id})
SET m.undoneBy = $undoneBy, m.undoneAt = $at
