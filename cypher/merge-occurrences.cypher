// One call, payment or stay is one node however many documents record it; each document adds a source.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (o:Occurrence {id: row.id})
ON CREATE SET o.linkId = row.linkId, o.at = row.at, o.endAt = row.endAt, o.durationS = row.durationS,
              o.amountPaise = row.amountPaise, o.txnRef = row.txnRef, o.props = row.props, o.seq = row.seq
MERGE (o)-[s:RECORDED_IN {ref: row.ref}]->(d)
ON CREATE SET s.importedBy = $importedBy, s.importedAt = $at
