// One hop out of each entity of a frontier, both directions, as paths of one step.
UNWIND $ids AS id
MATCH p = (:Entity {id: id})-[l:LINK]-(:Entity)
WHERE $linkKinds IS NULL OR l.kind IN $linkKinds
RETURN p
ORDER BY l.seq
