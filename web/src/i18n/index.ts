import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export type Lang = "zh-CN" | "en";
const STORAGE_KEY = "sc.lang";

/** The saved language; zh-CN unless the user switched to English before. */
export function savedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: savedLang(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

/**
 * Registers a feature's own strings (its `i18n.ts`), deep-merged into the one translation namespace: the
 * shell's and the shared components' strings are in zh-CN.ts / en.ts, each feature's beside its code.
 */
export function addStrings<T extends object>(zh: T, en: T): void {
  i18n.addResourceBundle("zh-CN", "translation", zh, true, true);
  i18n.addResourceBundle("en", "translation", en, true, true);
}

/** Switches the UI language and remembers it for the next visit. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the switch still applies to this tab
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export { i18n };
