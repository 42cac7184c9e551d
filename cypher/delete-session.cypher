MATCH (s:Session {tokenHash: $tokenHash})
DELETE s
