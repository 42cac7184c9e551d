// The simple weighted graph Louvain runs on, projected into GDS's catalogue under a name of this attempt.
// With no link among the kinds GDS makes no graph and g is null: the adapter then runs no Louvain.
MATCH (a:Entity)-[l:LINK]->(b:Entity)
WHERE a.kind IN $kinds AND b.kind IN $kinds
WITH gds.graph.project(
  $graphName, a, b,
  {relationshipProperties: {weight: CASE WHEN l.count > 1 THEN toFloat(l.count) ELSE 1.0 END}},
  {undirectedRelationshipTypes: ['*']}
) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS links
