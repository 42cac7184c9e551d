MATCH (e:Entity {id: $id})
SET e.version = $version
