import { z } from './z';
import { Id, IsoDate, IsoDateTime } from './common';

/** 督查发现: an inspection finding, tracked to rectification (整改) and verification (回头看). */
export const FindingTarget = z.object({ kind: z.enum(['household', 'village', 'unit']), id: z.string().min(1) });

export const CreateFindingInput = z.object({
  target: FindingTarget,
  description: z.string().trim().min(1, { error: '请填写问题描述' }).max(2000),
  deadline: IsoDate,
  responsibleId: Id,
});
export type CreateFindingInput = z.infer<typeof CreateFindingInput>;

export const Finding = CreateFindingInput.extend({
  _id: Id,
  status: z.enum(['open', 'rectified', 'verified', 'reopened']),
  evidence: z.array(z.object({ note: z.string(), photos: z.array(z.string()), at: IsoDateTime })),
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type Finding = z.infer<typeof Finding>;
