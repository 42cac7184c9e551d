MATCH (w:Watch {userId: $userId, entityId: $entityId})
DELETE w
RETURN count(*) AS deleted
