CREATE INDEX entity_version IF NOT EXISTS FOR (e:Entity) ON (e.version)
