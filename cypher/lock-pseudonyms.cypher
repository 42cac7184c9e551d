// Numbering is a write under one lock, so a person newly protected is numbered once across instances.
MATCH (m:Meta {name: 'graph'})
SET m.pseudonymsLockedAt = $at
RETURN m.version AS version
