MATCH (f:LoginFailure {usernameKey: $usernameKey})
WHERE f.at > $since
RETURN count(f) AS n
