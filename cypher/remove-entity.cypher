// A person merged into another leaves the graph; the Removed marker tells a projection to drop it.
MATCH (e:Entity {id: $id})
DETACH DELETE e
WITH count(*) AS gone
MERGE (r:Removed {id: $id})
SET r.version = $version
