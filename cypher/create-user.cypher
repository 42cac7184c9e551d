// usernameKey is the username folded to lower case: its uniqueness constraint makes names case-insensitive.
CREATE (u:User)
SET u = $user
RETURN u
