MATCH (d:Document {id: $id})
RETURN d
