import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic, sortDiagnostics } from '../../../src/content/diagnostics.ts';
import { checkUiStrings, pluralCategories } from '../../../src/content/ui-strings.ts';
import { REPO_ROOT } from './fixture-root.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/**
 * Writes locales/<locale>/ui.json for each given locale into a fresh root, runs the UI string
 * check, and returns the diagnostics of those files only (locales left out are reported missing,
 * which is not what these cases are about).
 */
function check(files: Record<string, unknown>): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-strings-'));
  roots.push(root);
  for (const [loc, strings] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, 'locales', loc), { recursive: true });
    fs.writeFileSync(path.join(root, 'locales', loc, 'ui.json'), `${JSON.stringify(strings, null, 2)}\n`);
  }
  const diags = new Diagnostics();
  checkUiStrings(root, diags);
  const ours = new Set(Object.keys(files).map((l) => `locales/${l}/ui.json`));
  return sortDiagnostics(diags.list.filter((d) => ours.has(d.file))).map(formatDiagnostic);
}

const en = {
  home: { minutes: '{{count}} min', title: 'Lessons' },
  list: { items_one: '{{count}} item', items_other: '{{count}} items' },
  settings: { motion_system: 'Follow my device', motion_reduce: 'Reduce motion' },
};

describe('UI strings: plural forms per locale', () => {
  it('reads the plural categories i18next will ask for from Intl.PluralRules', () => {
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategories('ru')).toEqual(['one', 'few', 'many', 'other']);
    expect(pluralCategories('zh')).toEqual(['other']);
    expect(pluralCategories('fr')).toEqual(['one', 'many', 'other']);
    expect(pluralCategories('en', 'ordinal')).toEqual(['one', 'two', 'few', 'other']);
  });

  it('accepts every Arabic category in place of a plain English key, and for an English one/other pair', () => {
    const forms = (w: string) => ({
      [`${w}_zero`]: '{{count}} z',
      [`${w}_one`]: 'o',
      [`${w}_two`]: 't',
      [`${w}_few`]: '{{count}} f',
      [`${w}_many`]: '{{count}} m',
      [`${w}_other`]: '{{count}} x',
    });
    const ar = {
      home: { ...forms('minutes'), title: 'الدروس' },
      list: forms('items'),
      settings: { motion_system: 'حسب إعدادات الجهاز', motion_reduce: 'تقليل الحركة' },
    };
    expect(check({ en, ar })).toEqual([]);
  });

  const ruItems = {
    items_one: '{{count}} пункт',
    items_few: '{{count}} пункта',
    items_many: '{{count}} пунктов',
    items_other: '{{count}} пункта',
  };

  it('accepts Russian one/few/many/other, French one/many/other and a lone Chinese other', () => {
    const ru = { ...en, list: ruItems };
    const fr = {
      ...en,
      list: {
        items_one: '{{count}} élément',
        items_many: '{{count}} d’éléments',
        items_other: '{{count}} éléments',
      },
    };
    const zh = { ...en, list: { items_other: '{{count}} 项' } };
    expect(check({ en, ru, fr, zh })).toEqual([]);
  });

  it('accepts one plain key that fits every count instead of plural forms', () => {
    expect(check({ en, ru: { ...en, list: { items: '{{count}} шт.' } } })).toEqual([]);
  });

  it('names the categories still missing when a locale gives only some of its forms', () => {
    const ru = {
      home: { title: 'Уроки', minutes_one: '{{count}} минута', minutes_other: '{{count}} минуты' },
      list: ruItems,
      settings: en.settings,
    };
    expect(check({ en, ru })).toEqual([
      'locales/ru/ui.json:4:5 error UI001 missing plural forms "home.minutes_few", "home.minutes_many" (ru uses one, few, many, other): add them, or one plain "home.minutes" for every count',
    ]);
  });

  it('treats an English one/other pair as incomplete where the locale also has "many"', () => {
    const es = { ...en, list: { items_one: '{{count}} elemento', items_other: '{{count}} elementos' } };
    expect(check({ en, es })).toEqual([
      'locales/es/ui.json:7:5 error UI001 missing plural form "list.items_many" (es uses one, many, other): add it, or one plain "list.items" for every count',
    ]);
  });

  it('asks for the plural forms of an English plural key that a locale lacks entirely', () => {
    const fr = { home: en.home, settings: en.settings };
    expect(check({ en, fr })).toEqual([
      'locales/fr/ui.json:1:1 error UI001 missing plural forms "list.items_one", "list.items_many", "list.items_other" (fr uses one, many, other): add them, or one plain "list.items" for every count',
    ]);
  });

  it('warns about forms a locale never uses, but allows _zero everywhere', () => {
    const zh = { ...en, list: { items_zero: '没有项目', items_one: '一项', items_other: '{{count}} 项' } };
    const ru = { ...en, list: { ...ruItems, items_two: '{{count}} пункта' } };
    expect(check({ en, zh, ru })).toEqual([
      'locales/ru/ui.json:11:5 warning UI005 plural form "list.items_two" is never used: ru has no "two" category (it uses one, few, many, other)',
      'locales/zh/ui.json:8:5 warning UI005 plural form "list.items_one" is never used: zh has no "one" category (it uses other)',
    ]);
  });

  it('still reports missing plain keys, and treats plural-looking keys without an English base as unknown', () => {
    const zh = {
      home: { minutes: '{{count}} 分钟' },
      list: { items_other: '{{count}} 项' },
      nav: { back_one: '返回' },
      settings: en.settings,
    };
    expect(check({ en, zh })).toEqual([
      'locales/zh/ui.json:1:1 error UI001 missing UI string "home.title" (present in locales/en/ui.json)',
      'locales/zh/ui.json:9:5 warning UI002 UI string "nav.back_one" is not in locales/en/ui.json',
    ]);
  });

  it('checks the reference itself for incomplete plural pairs', () => {
    expect(check({ en: { list: { items_other: '{{count}} items' } } })).toEqual([
      'locales/en/ui.json:3:5 error UI001 missing plural form "list.items_one" (en uses one, other): add it, or one plain "list.items" for every count',
    ]);
  });

  it('checks ordinal forms against the ordinal categories of each locale', () => {
    const enOrd = {
      place_ordinal_one: '{{count}}st',
      place_ordinal_two: '{{count}}nd',
      place_ordinal_few: '{{count}}rd',
      place_ordinal_other: '{{count}}th',
    };
    expect(
      check({ en: enOrd, fr: { place_ordinal_one: '{{count}}er', place_ordinal_other: '{{count}}e' } }),
    ).toEqual([]);
    expect(check({ en: enOrd, es: { place_ordinal_one: 'x', place_ordinal_other: '{{count}}.º' } })).toEqual([
      'locales/es/ui.json:2:3 warning UI005 plural form "place_ordinal_one" is never used: es has no "one" ordinal category (it uses other)',
    ]);
  });

  it('matches what i18next picks: each Arabic count gets its own form of the shipped strings', async () => {
    const load = (loc: string) => ({
      ui: JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'locales', loc, 'ui.json'), 'utf8')),
    });
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'ar',
      fallbackLng: 'en',
      ns: ['ui'],
      defaultNS: 'ui',
      resources: { en: load('en'), ar: load('ar') },
    });
    const minutes = [0, 1, 2, 5, 11, 100].map((count) => i18n.t('home.minutes', { count }));
    expect(minutes).toEqual(['0 دقيقة', 'دقيقة واحدة', 'دقيقتان', '5 دقائق', '11 دقيقة', '100 دقيقة']);
  });

  it('finds no problem in the UI strings the course ships', () => {
    const diags = new Diagnostics();
    checkUiStrings(REPO_ROOT, diags);
    expect(diags.list.map(formatDiagnostic)).toEqual([]);
  });
});
