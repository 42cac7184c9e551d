MATCH (m:Meta {name: 'graph'})
SET m.version = $version, m.entitySeq = $entitySeq, m.linkSeq = $linkSeq,
    m.documentSeq = $documentSeq, m.occurrenceSeq = $occurrenceSeq
