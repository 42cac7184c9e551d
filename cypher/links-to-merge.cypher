// What the store already holds of the links a batch names, with the records this document made.
UNWIND $ids AS id
MATCH ()-[l:LINK {id: id}]->()
OPTIONAL MATCH (f:LinkFact {linkId: id, documentId: $documentId})
RETURN l.id AS id, l.props AS props, l.count AS count, l.durationS AS durationS,
       l.amountPaise AS amountPaise, l.firstAt AS firstAt, l.lastAt AS lastAt, collect(f.ref) AS refs
