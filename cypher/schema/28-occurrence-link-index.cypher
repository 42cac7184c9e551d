CREATE INDEX occurrence_link IF NOT EXISTS FOR (o:Occurrence) ON (o.linkId)
