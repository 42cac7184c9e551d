MATCH (m:Meta {name: 'graph'})
RETURN m.version AS version
