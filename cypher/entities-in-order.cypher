MATCH (e:Entity)
WHERE $kinds IS NULL OR e.kind IN $kinds
RETURN e
ORDER BY e.seq
LIMIT $limit
