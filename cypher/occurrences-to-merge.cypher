// Occurrences already on record among those a batch names, with the rows of this document citing them.
UNWIND $ids AS id
MATCH (o:Occurrence {id: id})
OPTIONAL MATCH (o)-[s:RECORDED_IN]->(:Document {id: $documentId})
RETURN o.id AS id, collect(s.ref) AS refs
