// What the store already holds of the entities a batch names, with the records this document made.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)-[f:STATED_IN]->(:Document {id: $documentId})
RETURN e.id AS id, e.kind AS kind, e.display AS display, e.props AS props, collect(f.ref) AS refs
