// The audit chain's head: every append locks it, so two instances never link to the same entry.
MERGE (h:Meta {name: 'audit'})
ON CREATE SET h.seq = 0, h.hash = $genesis
