/**
 * Declared indexes, one list per collection. The embedded store turns each into a SQLite expression
 * index; the deploy script creates the same indexes on CloudBase (the CLI has no index command, so
 * they go through @cloudbase/manager-node). Field order matters: equality fields first, then the
 * range/sort field, as for a MongoDB compound index.
 */
export interface IndexSpec {
  /** Letters, digits and underscores only: CloudBase index names and SQLite identifiers. */
  name: string;
  /** Dotted field paths, e.g. `scope.regionId`. */
  fields: string[];
  unique?: boolean;
}

export const INDEXES: Record<string, IndexSpec[]> = {
  regions: [
    { name: 'parentId', fields: ['parentId'] },
    { name: 'level', fields: ['level'] },
  ],
  users: [
    { name: 'openid_unique', fields: ['openid'], unique: true },
    { name: 'role_scope_regionId', fields: ['role', 'scope.regionId'] },
    { name: 'householdId', fields: ['householdId'] },
  ],
  households: [
    // A region's households per village, and per status and size (people), are counted from
    // these alone (one index per scope).
    { name: 'villageId_status', fields: ['villageId', 'status', 'memberCount'] },
    { name: 'townId_villageId', fields: ['townId', 'villageId', 'status', 'memberCount'] },
    { name: 'countyId_villageId', fields: ['countyId', 'villageId', 'status', 'memberCount'] },
    { name: 'code', fields: ['code'] },
    { name: 'headName', fields: ['headName'] },
    // 有应享未享: households with open gaps (the kept count) per scope.
    { name: 'villageId_gapCount', fields: ['villageId', 'gapCount'] },
    { name: 'townId_gapCount', fields: ['townId', 'gapCount'] },
    { name: 'countyId_gapCount', fields: ['countyId', 'gapCount'] },
    // The registry's pages (households.list, in code order) of a county or a town: read in index
    // order and stopped at the page, where sorting the region's 30,000 households took 0.3–0.5 s.
    { name: 'countyId_code', fields: ['countyId', 'code'] },
    { name: 'townId_code', fields: ['townId', 'code'] },
    // A town's households of one status (the registry's commonest filter): counted and paged
    // from the index, not from the town's 1,500 documents.
    { name: 'townId_status_code', fields: ['townId', 'status', 'code'] },
    // Households per 致贫原因 of a county or a town (the dashboard), counted from the index's
    // copy of each `causes` array instead of from 30,000 documents (2–3 s).
    { name: 'countyId_causes', fields: ['countyId', 'causes'] },
    { name: 'townId_causes', fields: ['townId', 'causes'] },
  ],
  pairings: [
    // With role, each helper's load (pairings per role) is counted from the index alone.
    { name: 'helperId_active_role', fields: ['helperId', 'active', 'role'] },
    { name: 'householdId_active', fields: ['householdId', 'active'] },
    // Every household with an active primary helper (未结对 is the rest), from the index alone.
    { name: 'role_active_householdId', fields: ['role', 'active', 'householdId'] },
  ],
  visits: [
    { name: 'householdId_visitedAt', fields: ['householdId', 'visitedAt'] },
    { name: 'helperId_month', fields: ['helperId', 'month'] },
    { name: 'month', fields: ['month'] },
  ],
  // 补录 refused for being older than 60 days, counted per month of the attempt by 数据核查.
  visit_refusals: [{ name: 'month', fields: ['month'] }],
  // 满意度: a household's quarter, a helper's average, a region's month (the bulletin's figure).
  helper_ratings: [
    { name: 'householdId_quarter', fields: ['householdId', 'quarter'] },
    { name: 'helperId', fields: ['helperId'] },
    { name: 'month', fields: ['month'] },
  ],
  // Coverage counts visited households per village and per helper from these alone (one index
  // per report scope; `helperIds` last, as its JSON text: counted, never searched).
  visit_months: [
    { name: 'villageId_month_rollup', fields: ['villageId', 'month', 'prevMonthToo', 'helperIds'] },
    { name: 'townId_month_rollup', fields: ['townId', 'month', 'villageId', 'prevMonthToo', 'helperIds'] },
    { name: 'countyId_month_rollup', fields: ['countyId', 'month', 'villageId', 'prevMonthToo', 'helperIds'] },
  ],
  plans: [{ name: 'householdId_year', fields: ['householdId', 'year'] }],
  // 意见建议: a writer's own, newest first; a county office's, open ones first.
  feedback: [
    { name: 'authorId_submittedAt', fields: ['authorId', 'submittedAt'] },
    { name: 'countyId_status_submittedAt', fields: ['countyId', 'status', 'submittedAt'] },
  ],
  needs: [
    { name: 'householdId', fields: ['householdId'] },
    { name: 'assigneeId_status', fields: ['assigneeId', 'status'] },
    { name: 'status', fields: ['status'] },
    { name: 'status_dueAt', fields: ['status', 'dueAt'] },
    { name: 'villageId_reportedAt', fields: ['villageId', 'reportedAt'] },
    { name: 'townId_reportedAt', fields: ['townId', 'reportedAt'] },
  ],
  benefits: [
    { name: 'householdId_period', fields: ['householdId', 'period'] },
    { name: 'policy', fields: ['policy'] },
    { name: 'villageId_paidOn', fields: ['villageId', 'paidOn'] },
    { name: 'townId_paidOn', fields: ['townId', 'paidOn'] },
    { name: 'countyId_paidOn', fields: ['countyId', 'paidOn'] },
  ],
  // 应享未享 kept (benefits/gap.repository.ts): a region's open gaps paged in household and
  // decision order, one household's open ones, and a region's history up to a month's end.
  household_gaps: [
    { name: 'villageId_open', fields: ['villageId', 'open', 'householdId', 'order'] },
    { name: 'townId_open', fields: ['townId', 'open', 'householdId', 'order'] },
    { name: 'countyId_open', fields: ['countyId', 'open', 'householdId', 'order'] },
    { name: 'villageId_open_policy', fields: ['villageId', 'open', 'policy', 'householdId', 'order'] },
    { name: 'townId_open_policy', fields: ['townId', 'open', 'policy', 'householdId', 'order'] },
    { name: 'countyId_open_policy', fields: ['countyId', 'open', 'policy', 'householdId', 'order'] },
    { name: 'householdId_open', fields: ['householdId', 'open'] },
    { name: 'villageId_open_openedAt', fields: ['villageId', 'open', 'openedAt'] },
    { name: 'townId_open_openedAt', fields: ['townId', 'open', 'openedAt'] },
    { name: 'countyId_open_openedAt', fields: ['countyId', 'open', 'openedAt'] },
  ],
  policies: [],
  notices: [{ name: 'status_publishedAt', fields: ['status', 'publishedAt'] }],
  notice_reads: [{ name: 'noticeId_userId', fields: ['noticeId', 'userId'] }],
  notice_opens: [
    { name: 'noticeId_at', fields: ['noticeId', 'at'] },
    { name: 'groupId', fields: ['groupId'] },
  ],
  notice_groups: [],
  notice_subscriptions: [],
  findings: [
    { name: 'open_deadline', fields: ['open', 'deadline'] },
    { name: 'open_closedAt', fields: ['open', 'closedAt'] },
    { name: 'householdId_createdAt', fields: ['householdId', 'createdAt'] },
  ],
  warnings: [
    { name: 'householdId_open', fields: ['householdId', 'open'] },
    { name: 'villageId_stage_dueOn', fields: ['villageId', 'stage', 'dueOn'] },
    { name: 'assigneeId_open_dueOn', fields: ['assigneeId', 'open', 'dueOn'] },
    // The monitoring sweep reads its region's open warnings at once (county: `open`, town: both).
    { name: 'open_townId_villageId', fields: ['open', 'townId', 'villageId'] },
  ],
  medical_expenses: [
    { name: 'householdId_date', fields: ['householdId', 'date'] },
    // The sweep reads its region's costs of the last 400 days at once.
    { name: 'date', fields: ['date'] },
  ],
  review_rounds: [{ name: 'countyId_createdAt', fields: ['countyId', 'createdAt'] }],
  review_items: [
    { name: 'roundId_villageId', fields: ['roundId', 'villageId', 'householdCode'] },
    { name: 'countyId_householdId', fields: ['countyId', 'householdId'] },
  ],
  audit_logs: [{ name: 'at', fields: ['at'] }],
  outbox: [{ name: 'createdAt', fields: ['createdAt'] }],
  bind_attempts: [
    { name: 'openid_at', fields: ['openid', 'at'] },
    // County-wide wrong tries per hour, by way of binding (answers / code).
    { name: 'kind_via_at', fields: ['kind', 'via', 'at'] },
    // A household's wrong tries and its lock.
    { name: 'householdId_kind_at', fields: ['householdId', 'kind', 'at'] },
  ],
  bind_codes: [{ name: 'codeHash_used', fields: ['codeHash', 'used'] }],
  // Desktop sign-in requests past their time are swept as new ones are made.
  web_logins: [{ name: 'expiresAt', fields: ['expiresAt'] }],
  web_identities: [{ name: 'userId_unique', fields: ['userId'], unique: true }],
  // The sweep on every save reads the files past keeping.
  files: [{ name: 'expiresAt', fields: ['expiresAt'] }],
  settings: [],
};
