UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.kind = row.kind, e.scheme = row.scheme, e.key = row.key, e.display = row.display,
              e.seq = row.seq, e.createdAt = $at
SET e.props = row.props, e.label = row.label, e.search = row.search, e.minor = row.minor,
    e.updatedAt = $at, e.version = $version
