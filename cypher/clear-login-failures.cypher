MATCH (f:LoginFailure {usernameKey: $usernameKey})
DELETE f
