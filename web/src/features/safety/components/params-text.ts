import { CATEGORY_PARAMS, type DangerousWorkCategory, type Params } from "@contracts/safety/dangerous-works";

/** The declared parameters in words (开挖深度 6 m；地质条件复杂), in the UI language. */
export function paramsText(category: DangerousWorkCategory, params: Params, lang: string): string {
  const en = lang.startsWith("en");
  return CATEGORY_PARAMS[category]
    .filter((s) => params[s.key] !== undefined && params[s.key] !== false)
    .map((s) => {
      const name = en ? s.en : s.zh;
      return s.type === "number" ? `${name} ${params[s.key]} ${s.unit ?? ""}`.trim() : name;
    })
    .join(en ? "; " : "；");
}
