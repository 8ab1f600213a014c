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
