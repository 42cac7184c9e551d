CREATE INDEX audit_case IF NOT EXISTS FOR (a:AuditEntry) ON (a.caseId)
