MATCH (u:User {id: $session.userId})
CREATE (s:Session)
SET s = $session
