// Links changed after $version and no later than $bound, the graph version read first in the same
// transaction: a link committed after it waits for the next catch-up, so every link sent has its ends
// in the projection already or among the entities sent with it. The ends' versions say which.
MATCH (a:Entity)-[l:LINK]->(b:Entity)
WHERE l.version > $version AND l.version <= $bound
RETURN l, a.id AS from, a.version AS fromVersion, b.id AS to, b.version AS toVersion
ORDER BY l.seq
