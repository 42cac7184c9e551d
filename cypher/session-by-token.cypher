MATCH (s:Session {tokenHash: $tokenHash})
RETURN s
