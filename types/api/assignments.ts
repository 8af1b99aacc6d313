import { z } from '../z';
import { Id } from '../common';
import { Pairing, PairingRole } from '../pairing';
import { defineApi } from './define';

export const PairingItem = Pairing.extend({ householdHeadName: z.string().optional(), villageName: z.string().optional() });

export const assignmentsApi = defineApi('assignments', {
  assign: { input: z.object({ householdId: Id, helperId: Id, role: PairingRole }), output: Pairing, access: ['admin'] },
  unassign: { input: z.object({ pairingId: Id }), output: Pairing, access: ['admin'] },
  listByHelper: { input: z.object({ helperId: Id.optional() }), output: z.object({ items: z.array(PairingItem) }), access: ['admin', 'helper'] },
  reassignAll: { input: z.object({ fromHelperId: Id, toHelperId: Id }), output: z.object({ moved: z.number().int() }), access: ['admin'] },
});
