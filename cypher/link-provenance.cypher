MATCH (f:LinkFact {linkId: $id})-[:STATED_IN]->(d:Document)
RETURN f.ref AS ref, f.props AS props, f.importedBy AS importedBy, f.importedAt AS importedAt, d
ORDER BY f.importedAt, d.seq, f.ref
