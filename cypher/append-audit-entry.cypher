MATCH (h:Meta {name: 'audit'})
CREATE (a:AuditEntry)
SET a = $entry, h.seq = $entry.seq, h.hash = $entry.hash
