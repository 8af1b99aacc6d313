import { householdsApi, type ActionInput, type ActionOutput } from '@bangfu/types';
import { call } from './api';

export type HouseholdListInput = ActionInput<typeof householdsApi, 'list'>;
export type HouseholdList = ActionOutput<typeof householdsApi, 'list'>;
export type HouseholdDetail = ActionOutput<typeof householdsApi, 'get'>;
export type ImportResult = ActionOutput<typeof householdsApi, 'importXlsx'>;

export const listHouseholds = (input: HouseholdListInput) => call(householdsApi, 'list', input);
export const getHousehold = (householdId: string) => call(householdsApi, 'get', { householdId });
export const createHousehold = (input: ActionInput<typeof householdsApi, 'create'>) => call(householdsApi, 'create', input);
export const updateHousehold = (input: ActionInput<typeof householdsApi, 'update'>) => call(householdsApi, 'update', input);
export const adjustStatus = (input: ActionInput<typeof householdsApi, 'adjustStatus'>) => call(householdsApi, 'adjustStatus', input);
/** One member's full ID number or phone; the server writes the audit log entry. */
export const revealMember = (householdId: string, memberId: string, field: 'idNumber' | 'phone') => call(householdsApi, 'reveal', { householdId, memberId, field });
export const checkImport = (fileId: string) => call(householdsApi, 'importXlsx', { fileId, confirm: false });
export const importBatch = (fileId: string, from: number, batch = 500) => call(householdsApi, 'importXlsx', { fileId, confirm: true, from, batch });
export const exportHouseholds = (input: ActionInput<typeof householdsApi, 'exportXlsx'>) => call(householdsApi, 'exportXlsx', input);
export const listVillages = () => call(householdsApi, 'villages', {});
