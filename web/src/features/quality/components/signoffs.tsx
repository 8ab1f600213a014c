import { Flex, Tag, Tooltip } from "antd";
import { CheckCircleFilled, ClockCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_ROLE_LABELS } from "@contracts/registry/enums";
import type { AcceptanceDto } from "@contracts/quality/acceptance";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";

/** Each required party as a tag: green with who signed and their opinion, grey while it has not signed. */
export function Signoffs({ a }: { a: AcceptanceDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <Flex wrap gap={6}>
      {a.requiredParties.map((role) => {
        const s = a.signoffs.find((x) => x.role === role);
        return s ? (
          <Tooltip key={role} title={`${s.enterpriseName} · ${s.signerName} · ${formatDateTime(s.signedAt)}：${s.opinion}`}>
            <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
              {label(PARTICIPANT_ROLE_LABELS, role)} {t("acceptance.signed")}
            </Tag>
          </Tooltip>
        ) : (
          <Tag key={role} icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
            {label(PARTICIPANT_ROLE_LABELS, role)} {t("acceptance.unsigned")}
          </Tag>
        );
      })}
    </Flex>
  );
}
