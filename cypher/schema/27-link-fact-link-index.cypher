CREATE INDEX link_fact_link IF NOT EXISTS FOR (f:LinkFact) ON (f.linkId)
