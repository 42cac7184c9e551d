UNWIND $rows AS row
MATCH ()-[l:LINK {id: row.id}]->()
SET l.props = row.props, l.count = row.count, l.durationS = row.durationS,
    l.amountPaise = row.amountPaise, l.firstAt = row.firstAt, l.lastAt = row.lastAt,
    l.updatedAt = $at, l.version = $version
