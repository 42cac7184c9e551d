// A link's timeline, first occurrences first, each with every document that records it.
MATCH (o:Occurrence {linkId: $id})
WITH o ORDER BY o.at, o.seq LIMIT $limit
MATCH (o)-[s:RECORDED_IN]->(d:Document)
WITH o, s, d ORDER BY o.at, o.seq, d.seq, s.ref
RETURN o, collect({ref: s.ref, importedBy: s.importedBy, importedAt: s.importedAt, document: d}) AS sources
ORDER BY o.at, o.seq
