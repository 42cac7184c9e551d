MATCH (f:LoginFailure {ip: $ip})
WHERE f.at > $since
RETURN count(f) AS n
