// A relationship cannot point at a document, so a link's records are nodes keyed by link, document and row.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (f:LinkFact {linkId: row.linkId, documentId: $documentId, ref: row.ref})
ON CREATE SET f.props = row.props, f.importedBy = $importedBy, f.importedAt = $at
MERGE (f)-[:STATED_IN]->(d)
