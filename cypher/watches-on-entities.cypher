UNWIND $ids AS id
MATCH (w:Watch {entityId: id})
RETURN w
ORDER BY w.entityId, w.userId
