MATCH (u:User {id: $id})
RETURN u
