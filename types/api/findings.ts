import { z } from '../z';
import { FileId, Id, listOf, Paging } from '../common';
import { CreateFindingInput, Finding } from '../finding';
import { defineApi } from './define';

export const findingsApi = defineApi('findings', {
  create: { input: CreateFindingInput, output: Finding, access: ['admin'] },
  list: { input: Paging.extend({ status: Finding.shape.status.optional(), overdue: z.boolean().optional() }), output: listOf(Finding), access: ['admin', 'helper'] },
  submitEvidence: { input: z.object({ findingId: Id, note: z.string().trim().min(1, { error: '请说明整改情况' }).max(2000, { error: '整改情况最多 2000 字' }), photos: z.array(FileId).max(9, { error: '最多上传 9 张照片' }).default([]) }), output: Finding, access: ['admin', 'helper'] },
  verify: { input: z.object({ findingId: Id, passed: z.boolean(), note: z.string().max(1000, { error: '说明最多 1000 字' }).optional() }), output: Finding, access: ['admin'] },
});
