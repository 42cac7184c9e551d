MATCH (s:Session)
WHERE s.expiresAt <= $now OR s.lastSeenAt <= $idleBefore
DELETE s
RETURN count(*) AS n
