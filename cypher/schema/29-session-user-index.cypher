CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.userId)
