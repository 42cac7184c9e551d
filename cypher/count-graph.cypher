MATCH (m:Meta {name: 'graph'})
RETURN m.version AS version,
       COUNT { MATCH (:Entity) } AS entities,
       COUNT { MATCH ()-[:LINK]->() } AS links,
       COUNT { MATCH (:Occurrence) } AS occurrences,
       COUNT { MATCH (:Document) } AS documents
