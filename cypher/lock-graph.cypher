// Taken first by every write transaction of the graph: the write lock on the one Meta node queues
// writers from every instance, so the version counter and the sequence numbers never race.
MATCH (m:Meta {name: 'graph'})
SET m.lockedAt = $at
RETURN m.version AS version, m.entitySeq AS entitySeq, m.linkSeq AS linkSeq,
       m.documentSeq AS documentSeq, m.occurrenceSeq AS occurrenceSeq
