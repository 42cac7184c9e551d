// The graph's counters: its version and the sequence numbers that order entities, links, documents
// and occurrences as they arrived (what SQLite's row ids do on the embedded store).
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0, m.entitySeq = 0, m.linkSeq = 0, m.documentSeq = 0, m.occurrenceSeq = 0
