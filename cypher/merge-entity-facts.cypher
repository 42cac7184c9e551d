// One record per entity, document and row: the provenance of every property an entity carries.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (e)-[f:STATED_IN {ref: row.ref}]->(d)
ON CREATE SET f.props = row.props, f.importedBy = $importedBy, f.importedAt = $at
