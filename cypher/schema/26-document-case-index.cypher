CREATE INDEX document_case IF NOT EXISTS FOR (d:Document) ON (d.caseId)
