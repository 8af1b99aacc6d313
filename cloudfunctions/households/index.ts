import { householdsApi } from '../../types/api/households';
import { handler } from '../core/handler';
import { adjustStatus, createHousehold, getHousehold, reveal, updateHousehold } from '../core/households/household.service';
import { listHouseholds } from '../core/households/list.service';
import { listVillages } from '../core/households/villages.service';
import { exportHouseholds } from '../core/households/import/export.service';
import { importHouseholds } from '../core/households/import/import.service';
import { importTemplate } from '../core/households/import/template.service';
import { issueDoorCode, openDoorCode } from '../core/households/door-code.service';

export const main = handler(householdsApi, {
  list: (input, ctx) => listHouseholds(ctx, input),
  get: (input, ctx) => getHousehold(ctx, input),
  create: (input, ctx) => createHousehold(ctx, input),
  update: (input, ctx) => updateHousehold(ctx, input),
  adjustStatus: (input, ctx) => adjustStatus(ctx, input),
  reveal: (input, ctx) => reveal(ctx, input),
  importXlsx: (input, ctx) => importHouseholds(ctx, input),
  villages: (_input, ctx) => listVillages(ctx),
  exportXlsx: (input, ctx) => exportHouseholds(ctx, input),
  importTemplate: (_input, ctx) => importTemplate(ctx),
  doorCode: (input, ctx) => issueDoorCode(ctx, input),
  openDoorCode: (input, ctx) => openDoorCode(ctx, input),
});
