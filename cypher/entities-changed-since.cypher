MATCH (e:Entity)
WHERE e.version > $version
RETURN e
ORDER BY e.seq
