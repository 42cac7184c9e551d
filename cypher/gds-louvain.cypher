// One thread: GDS's Louvain gives the same partition of the same graph only when run single-threaded.
CALL gds.louvain.stream($graphName, {relationshipWeightProperty: 'weight', concurrency: 1})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId
