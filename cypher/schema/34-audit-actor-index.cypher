CREATE INDEX audit_actor IF NOT EXISTS FOR (a:AuditEntry) ON (a.actor)
