MATCH (u:User)
RETURN u
ORDER BY u.usernameKey
