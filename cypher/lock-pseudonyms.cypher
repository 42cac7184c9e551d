// Numbering is a write under a lock of its own, so a person newly protected is numbered once across
// instances; not the graph's lock, which an import holds for as long as it writes. Made on first use
// (the uniqueness constraint on Meta.name keeps it one node), so no start-up step is needed for it.
MERGE (m:Meta {name: 'pseudonyms'})
SET m.lockedAt = $at
RETURN m.name AS name
