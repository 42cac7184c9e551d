CREATE INDEX link_kind IF NOT EXISTS FOR ()-[l:LINK]-() ON (l.kind)
