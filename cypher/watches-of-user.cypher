MATCH (w:Watch {userId: $userId})
RETURN w
ORDER BY w.createdAt, w.entityId
