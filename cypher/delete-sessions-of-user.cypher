MATCH (s:Session {userId: $userId})
DELETE s
RETURN count(*) AS n
