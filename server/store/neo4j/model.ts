/**
 * The shape of CaseGraph's data in Neo4j: the labels, relationship types and property keys the queries
 * in cypher/ may use. The parser test lints every query against exactly these, so a misspelt label or
 * property is caught without a server; cypher/README.md describes the model in words.
 */

export const LABELS = [
  'Meta',
  'Entity',
  'Document',
  'LinkFact',
  'Occurrence',
  'Pseudonym',
  'User',
  'Session',
  'CaseGrant',
  'LoginFailure',
  'AuditEntry',
  'CaseAlert',
  'Watch',
] as const;

export const RELATIONSHIP_TYPES = ['LINK', 'STATED_IN', 'RECORDED_IN'] as const;

export const PROPERTY_KEYS = [
  // Meta
  'name',
  'version',
  'entitySeq',
  'linkSeq',
  'documentSeq',
  'occurrenceSeq',
  'lockedAt',
  'pseudonymsLockedAt',
  'seq',
  'hash',
  // Entity, Document, LINK, facts, occurrences
  'id',
  'kind',
  'scheme',
  'key',
  'display',
  'label',
  'props',
  'search',
  'minor',
  'createdAt',
  'updatedAt',
  'sha256',
  'type',
  'sourceGrade',
  'infoGrade',
  'caseId',
  'receivedFrom',
  'firstImportedAt',
  'qualifier',
  'count',
  'durationS',
  'amountPaise',
  'firstAt',
  'lastAt',
  'ref',
  'importedBy',
  'importedAt',
  'linkId',
  'documentId',
  'at',
  'endAt',
  'txnRef',
  // Pseudonym
  'entityId',
  'n',
  'assignedAt',
  // User, Session, CaseGrant, LoginFailure
  'username',
  'usernameKey',
  'displayName',
  'role',
  'unit',
  'passwordHash',
  'mustChangePassword',
  'disabledAt',
  'tokenHash',
  'userId',
  'csrfSecret',
  'lastSeenAt',
  'expiresAt',
  'ip',
  'userAgent',
  'grantedBy',
  'grantedAt',
  // Fields of the rows an UNWIND writes: the parser cannot tell a row map from a node, so it checks
  // a row's fields as property keys too.
  'fromId',
  'toId',
  // AuditEntry
  'actor',
  'action',
  'target',
  'detail',
  'prevHash',
  // CaseAlert, Watch
  'otherCaseId',
  'reason',
  'raisedAt',
] as const;
