MATCH (d:Document {id: $id})
RETURN d.type AS type, d.sourceGrade AS sourceGrade, d.infoGrade AS infoGrade, d.caseId AS caseId
