import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RuleDto } from "@contracts/iot/rules";
import { useLabels } from "../../../../i18n/labels";
import { SEVERITY_LABELS } from "@contracts/iot/labels";
import { SEVERITY_TAG_COLOR } from "../../severity";
import { levelText } from "../rule-form";

/** A rule's levels as coloured tags (一般 ≥ 90 · 严重 ≥ 100 …); an offline rule's missed-interval count. */
export function LevelsTags({ rule }: { rule: Pick<RuleDto, "kind" | "levels" | "direction" | "missedIntervals"> }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  if (rule.kind === "offline") return <Typography.Text>{t("rule.offlineAfter", { n: rule.missedIntervals ?? 0 })}</Typography.Text>;
  return (
    <Space size={4} wrap>
      {rule.levels.map((l) => (
        <Tag key={l.severity + l.threshold} color={SEVERITY_TAG_COLOR[l.severity]} style={{ marginInlineEnd: 0 }}>
          {label(SEVERITY_LABELS, l.severity)} {levelText(rule.direction, l.threshold)}
        </Tag>
      ))}
    </Space>
  );
}
