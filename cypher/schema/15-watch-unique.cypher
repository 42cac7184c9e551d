CREATE CONSTRAINT watch_user_entity IF NOT EXISTS FOR (w:Watch) REQUIRE (w.userId, w.entityId) IS UNIQUE
