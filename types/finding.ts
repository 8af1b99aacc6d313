import { z } from './z';
import { FileId, Id, IsoDate, IsoDateTime } from './common';

/** 督查发现: an inspection finding, tracked to rectification (整改) and verification (回头看). */
export const FindingTarget = z.object({ kind: z.enum(['household', 'village', 'unit']), id: Id });

export const CreateFindingInput = z.object({
  target: FindingTarget,
  description: z.string().trim().min(1, { error: '请填写问题描述' }).max(2000, { error: '问题描述最多 2000 字' }),
  deadline: IsoDate,
  responsibleId: Id,
});
export type CreateFindingInput = z.infer<typeof CreateFindingInput>;

export const Finding = CreateFindingInput.extend({
  _id: Id,
  status: z.enum(['open', 'rectified', 'verified', 'reopened']),
  evidence: z.array(z.object({ note: z.string(), photos: z.array(FileId), at: IsoDateTime })),
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type Finding = z.infer<typeof Finding>;
