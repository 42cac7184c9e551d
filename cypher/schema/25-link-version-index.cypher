CREATE INDEX link_version IF NOT EXISTS FOR ()-[l:LINK]-() ON (l.version)
