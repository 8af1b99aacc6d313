import { randomUUID } from 'node:crypto';
import type { Ctx } from '../handler';
import { getDb } from '../store';

/** What was read or done: an ID number or phone revealed, a ledger exported, an account (un)bound. */
export type AuditAction =
  | 'reveal_id_number'
  | 'reveal_phone'
  | 'export_households'
  | 'bind_for'
  | 'unbind'
  | 'create_bind_code'
  | 'bind_with_code'
  /** An ID number or household code that points at a household outside the caller's region. */
  | 'registry_clash'
  /** An export or import sheet handed to its reader (local download or cloud temporary URL). */
  | 'download_file'
  /** Self-binding for a household paused after repeated wrong answers naming its members. */
  | 'bind_household_locked'
  /** Exports other than the registry: the import template, 应享未享 gaps, visit coverage, needs. */
  | 'export_template'
  | 'export_gaps'
  | 'export_coverage'
  | 'export_needs'
  /** 督查整改: the ledger, or one finding's 限期整改通知单, exported. */
  | 'export_findings'
  | 'export_finding_notice'
  /** 月度通报 and the three ledgers (区直、卫生、教育) exported. */
  | 'export_bulletin'
  | 'export_ledger'
  /** 防返贫监测: the village review's 公示名单 exported. */
  | 'export_monitoring_notice'
  /** 医保 high-cost sheet checked or imported (health data of a whole region: counts only). */
  | 'import_medical'
  /** 电脑端登录: an admin confirmed a browser from WeChat, that browser signed in, signed out, or every web session was ended. */
  | 'web_sign_in_confirm'
  | 'web_sign_in'
  | 'web_sign_out'
  | 'web_sign_out_all';

export interface AuditEntry {
  action: AuditAction;
  householdId?: string;
  memberId?: string;
  /** Counts or ids only: never the revealed value itself. */
  detail?: Record<string, string | number>;
}

/**
 * PIPL: every read of sensitive personal information by an admin is recorded — who, what, when.
 * Written before the value is answered, so a reveal without its log entry cannot happen.
 */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await getDb()
    .collection('audit_logs')
    .add({
      _id: randomUUID(),
      userId: ctx.user?._id ?? null,
      userName: ctx.user?.name ?? null,
      requestId: ctx.requestId,
      at: ctx.now.toISOString(),
      ...entry,
    });
}
