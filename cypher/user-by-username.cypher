MATCH (u:User {usernameKey: $usernameKey})
RETURN u
