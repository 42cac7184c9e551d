// A null in $change removes the property (a unit taken away, an account enabled again).
MATCH (u:User {usernameKey: $usernameKey})
SET u += $change
RETURN u
