MATCH (h:Meta {name: 'audit'})
RETURN h.seq AS seq, h.hash AS hash
