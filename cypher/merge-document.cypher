MERGE (d:Document {id: $document.id})
ON CREATE SET d.sha256 = $document.sha256, d.name = $document.name, d.type = $document.type,
              d.sourceGrade = $document.sourceGrade, d.infoGrade = $document.infoGrade,
              d.caseId = $document.caseId, d.receivedFrom = $document.receivedFrom,
              d.seq = $document.seq, d.firstImportedAt = $at
