// The write lock on the head is taken before the head is read: appenders queue instead of forking.
MATCH (h:Meta {name: 'audit'})
SET h.lockedAt = $at
RETURN h.seq AS seq, h.hash AS hash
