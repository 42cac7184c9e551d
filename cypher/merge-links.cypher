// New links only (links-to-merge found none with these ids), so the direction written first is kept.
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[l:LINK {id: row.id}]->(b)
ON CREATE SET l.kind = row.kind, l.qualifier = row.qualifier, l.seq = row.seq, l.createdAt = $at
SET l.props = row.props, l.count = row.count, l.durationS = row.durationS,
    l.amountPaise = row.amountPaise, l.firstAt = row.firstAt, l.lastAt = row.lastAt,
    l.updatedAt = $at, l.version = $version
