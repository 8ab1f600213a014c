import { useTranslation } from "react-i18next";
import type { Labels } from "@contracts/registry/enums";

/** The label of a code in the given language (zh-CN unless English); the code itself when unknown. */
export function labelOf<T extends string>(labels: Labels<T>, value: string | null | undefined, lang: string): string {
  if (value == null) return "";
  const entry = (labels as Record<string, { zh: string; en: string } | undefined>)[value];
  if (!entry) return value;
  return lang.startsWith("en") ? entry.en : entry.zh;
}

/** Select options for every code of a label table, in its declared order. */
export function optionsOf<T extends string>(labels: Labels<T>, lang: string): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labelOf(labels, value, lang) }));
}

/** Hook form of `labelOf`/`optionsOf` bound to the current UI language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    label: <T extends string>(labels: Labels<T>, value: string | null | undefined) => labelOf(labels, value, lang),
    options: <T extends string>(labels: Labels<T>) => optionsOf(labels, lang),
  };
}
