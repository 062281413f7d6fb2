/** Every built-in catalog, by locale. Adding a language: a catalog file, an entry here and in LOCALES. */
import type { Locale } from '../locales.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ptBR } from './pt-BR.js';
import type { Catalog } from './types.js';
import { zhCN } from './zh-CN.js';

export type { BaseCatalog, Catalog, MessageId } from './types.js';

/** The texts of each built-in locale. English also satisfies Catalog: it defines the ids. */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = Object.freeze({
  en, es, fr, de, 'pt-BR': ptBR, it, nl, pl, ja, 'zh-CN': zhCN, ko, ar,
});
