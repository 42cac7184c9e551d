MATCH (s:Session {tokenHash: $tokenHash})
SET s.lastSeenAt = $at
