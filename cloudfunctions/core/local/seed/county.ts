import type { Region } from '../../../../types/region';
import type { User, HelperKind } from '../../../../types/user';
import { COUNTY_NAME, TOWN_NAMES, UNITS, VILLAGE_WORDS } from './names';
import { PeopleFactory } from './people';
import { Random } from './random';

export interface CountyShape {
  towns: number;
  villagesPerTown: number;
  helpers: number;
}

export interface CountyFrame {
  regions: Region[];
  towns: Region[];
  villages: Region[];
  helpers: User[];
  admins: User[];
}

/** Regions, admins and helpers of a fictional county. Demo accounts get their fixed SPEC §4 openids. */
export function buildCounty(shape: CountyShape, rnd: Random, people: PeopleFactory, createdAt: string): CountyFrame {
  const county: Region = { _id: 'county-1', name: COUNTY_NAME, level: 'county', parentId: null, path: ['county-1'] };
  const towns: Region[] = [];
  const villages: Region[] = [];
  for (let t = 0; t < shape.towns; t++) {
    const townId = `town-${t + 1}`;
    const townName = TOWN_NAMES[t % TOWN_NAMES.length] + (t >= TOWN_NAMES.length ? `${Math.floor(t / TOWN_NAMES.length) + 1}` : '');
    towns.push({ _id: townId, name: townName, level: 'town', parentId: county._id, path: [county._id, townId] });
    for (let v = 0; v < shape.villagesPerTown; v++) {
      const villageId = `village-${t + 1}-${v + 1}`;
      const word = VILLAGE_WORDS[(t * shape.villagesPerTown + v) % VILLAGE_WORDS.length];
      const round = Math.floor((t * shape.villagesPerTown + v) / VILLAGE_WORDS.length);
      villages.push({ _id: villageId, name: `${word}${round ? round + 1 : ''}村`, level: 'village', parentId: townId, path: [county._id, townId, villageId] });
    }
  }
  const user = (id: string, openid: string, fields: Partial<User>): User => ({
    _id: id,
    openid,
    role: 'helper',
    name: '',
    regionPath: [],
    active: true,
    createdAt,
    ...fields,
  });
  const admins = [
    user('admin-county', 'demo-admin', {
      role: 'admin',
      name: '周主任',
      scope: { level: 'county', regionId: county._id },
      regionPath: county.path,
      unit: '县扶贫办',
    }),
    user('admin-town-1', 'demo-town-admin', {
      role: 'admin',
      name: '吴站长',
      scope: { level: 'town', regionId: towns[0]._id },
      regionPath: towns[0].path,
      unit: `${towns[0].name}人民政府`,
    }),
    user('admin-village-1', 'demo-village-admin', {
      role: 'admin',
      name: '郑书记',
      phone: '13907310001',
      scope: { level: 'village', regionId: villages[0]._id },
      regionPath: villages[0].path,
      unit: `${villages[0].name}村委会`,
    }),
  ];
  const helpers: User[] = [];
  for (let i = 0; i < shape.helpers; i++) {
    // Every town gets the same mix of kinds: 7 cadres, 1 first secretary, 1 doctor, 1 teacher in 10.
    const slot = Math.floor(i / shape.towns) % 10;
    const kind: HelperKind = slot === 8 ? 'doctor' : slot === 9 ? 'teacher' : slot === 7 ? 'secretary' : 'cadre';
    const openid = i === 0 ? 'demo-helper' : kind === 'doctor' && !helpers.some((h) => h.openid === 'demo-doctor') ? 'demo-doctor' : `helper-${i + 1}`;
    // The demo doctor works in the demo helper's town, so the demo household can have both.
    const town = openid === 'demo-doctor' ? towns[0] : towns[i % towns.length];
    const sex = rnd.chance(0.5) ? 'male' : 'female';
    const unit = kind === 'doctor' ? `${town.name}卫生院` : kind === 'teacher' ? `${town.name}中心小学` : rnd.pick(UNITS);
    helpers.push(
      user(`helper-${i + 1}`, openid, {
        name: people.name(people.surname(), sex),
        phone: people.phone(),
        helperKind: kind,
        unit,
        scope: { level: 'town', regionId: town._id },
        regionPath: town.path,
      }),
    );
  }
  return { regions: [county, ...towns, ...villages], towns, villages, helpers, admins };
}
