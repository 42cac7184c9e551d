// Victims by an involves link of role victim, minors by the flag ingest sets from their properties.
CALL () {
  MATCH (:Entity)-[:LINK {kind: 'involves', qualifier: 'victim'}]->(p:Entity)
  RETURN p, 'victim' AS reason
  UNION
  MATCH (p:Entity {kind: 'person', minor: true})
  RETURN p, 'minor' AS reason
}
WITH p, collect(reason) AS reasons
RETURN p AS e, CASE WHEN 'victim' IN reasons THEN 'victim' ELSE 'minor' END AS reason
ORDER BY p.seq
